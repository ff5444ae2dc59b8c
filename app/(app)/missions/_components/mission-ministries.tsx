"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { FormStatus } from "@/components/form/form-status";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { MissionMinistryRow } from "@/db/queries/mission-links";
import { resolveLocale } from "@/lib/i18n/config";
import { addMissionMinistry, removeMissionMinistry } from "../actions";
import { addMissionMinistrySchema, type AddMissionMinistryInput } from "../schemas";
import { useLinkRemoval } from "./use-link-removal";

interface AddableMinistry {
  id: number;
  nameLv: string;
  nameEn: string;
}

/** Sectoral ministries with staff at the mission (e.g. a defence attaché), each with an optional note. */
export function MissionMinistries({
  missionId,
  rows,
  addable,
  canEdit,
}: {
  missionId: number;
  rows: MissionMinistryRow[];
  addable: AddableMinistry[];
  canEdit: boolean;
}) {
  const t = useTranslations("missions");
  const locale = resolveLocale(useLocale());
  const name = (row: { nameLv: string; nameEn: string }) => (locale === "en" ? row.nameEn : row.nameLv);
  const { remove, pending, failure, removed } = useLinkRemoval(removeMissionMinistry);
  return (
    <div className="flex flex-col gap-6">
      {rows.length === 0 ? (
        <p className="text-muted-foreground">{t("mins.empty")}</p>
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableCaption className="sr-only">{t("mins.caption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">{t("mins.ministry")}</TableHead>
                <TableHead scope="col">{t("mins.note")}</TableHead>
                {canEdit && (
                  <TableHead scope="col">
                    <span className="sr-only">{t("mins.actions")}</span>
                  </TableHead>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id}>
                  <TableHead scope="row" className="font-normal">
                    {name(row)}
                  </TableHead>
                  <TableCell className="whitespace-normal">{row.note ?? t("none")}</TableCell>
                  {canEdit && (
                    <TableCell className="text-right">
                      <Button
                        type="button"
                        variant="outline"
                        size="sm"
                        disabled={pending}
                        aria-label={t("mins.removeLabel", { name: name(row) })}
                        onClick={() => remove({ missionId, ministryId: row.id })}
                      >
                        {t("mins.remove")}
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {canEdit && <FormStatus failure={failure} saved={removed} savedText={t("mins.removed")} />}
      {canEdit && <AddMinistryForm missionId={missionId} addable={addable} name={name} />}
    </div>
  );
}

function AddMinistryForm({ missionId, addable, name }: { missionId: number; addable: AddableMinistry[]; name: (row: AddableMinistry) => string }) {
  const t = useTranslations("missions");
  const router = useRouter();
  const empty = { missionId: String(missionId), ministryId: "", note: "" };
  const { form, onSubmit, failure, saved } = useActionForm<AddMissionMinistryInput, { missionId: number }>({
    schema: addMissionMinistrySchema,
    action: addMissionMinistry,
    defaultValues: empty,
    onSuccess: () => {
      form.reset(empty);
      router.refresh();
    },
  });
  return (
    <section aria-labelledby="add-ministry" className="flex max-w-lg flex-col gap-4">
      <h2 id="add-ministry" className="text-lg font-semibold">
        {t("mins.add")}
      </h2>
      {addable.length === 0 ? (
        <p className="text-muted-foreground">{t("mins.noneToAdd")}</p>
      ) : (
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <input type="hidden" {...form.register("missionId")} />
          <SelectField
            form={form}
            name="ministryId"
            label={t("mins.ministry")}
            options={[{ value: "", label: t("mins.choose") }, ...addable.map((m) => ({ value: String(m.id), label: name(m) }))]}
          />
          <TextField form={form} name="note" label={t("mins.note")} hint={t("mins.noteHint")} autoComplete="off" />
          <FormStatus failure={failure} saved={saved} savedText={t("mins.added")} />
          <div>
            <Button type="submit" disabled={form.formState.isSubmitting}>
              {t("mins.submit")}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
