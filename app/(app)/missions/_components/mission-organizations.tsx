"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { FormStatus } from "@/components/form/form-status";
import { SelectField } from "@/components/form/select-field";
import { useActionForm } from "@/components/form/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { MissionOrganizationRow } from "@/db/queries/mission-links";
import { resolveLocale } from "@/lib/i18n/config";
import { addMissionOrganization, removeMissionOrganization } from "../actions";
import { addMissionOrganizationSchema, type AddMissionOrganizationInput } from "../schemas";
import { useLinkRemoval } from "./use-link-removal";

interface AddableOrganization {
  id: number;
  acronym: string;
  nameLv: string;
  nameEn: string;
}

/** The organizations the mission covers; editors add (non-archived, not yet linked) and remove them. */
export function MissionOrganizations({
  missionId,
  rows,
  addable,
  canEdit,
}: {
  missionId: number;
  rows: MissionOrganizationRow[];
  addable: AddableOrganization[];
  canEdit: boolean;
}) {
  const t = useTranslations("missions");
  const locale = resolveLocale(useLocale());
  const name = (row: { nameLv: string; nameEn: string }) => (locale === "en" ? row.nameEn : row.nameLv);
  const { remove, pending, failure, removed } = useLinkRemoval(removeMissionOrganization);
  return (
    <div className="flex flex-col gap-6">
      {rows.length === 0 ? (
        <p className="text-muted-foreground">{t("orgs.empty")}</p>
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableCaption className="sr-only">{t("orgs.caption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">{t("orgs.acronym")}</TableHead>
                <TableHead scope="col">{t("orgs.name")}</TableHead>
                <TableHead scope="col">{t("orgs.kind")}</TableHead>
                {canEdit && (
                  <TableHead scope="col">
                    <span className="sr-only">{t("orgs.actions")}</span>
                  </TableHead>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id}>
                  <TableHead scope="row" className="font-normal">
                    <Link href={`/organizations/${row.id}`} className="text-primary underline-offset-4 hover:underline">
                      {row.acronym}
                    </Link>
                  </TableHead>
                  <TableCell className="whitespace-normal">
                    <span className="flex flex-wrap items-center gap-2">
                      {name(row)}
                      {row.archivedAt && <Badge variant="outline">{t("archived")}</Badge>}
                    </span>
                  </TableCell>
                  <TableCell>{t(`organizationKind.${row.kind}`)}</TableCell>
                  {canEdit && (
                    <TableCell className="text-right">
                      <Button
                        type="button"
                        variant="outline"
                        size="sm"
                        disabled={pending}
                        aria-label={t("orgs.removeLabel", { name: row.acronym })}
                        onClick={() => remove({ missionId, organizationId: row.id })}
                      >
                        {t("orgs.remove")}
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {canEdit && <FormStatus failure={failure} saved={removed} savedText={t("orgs.removed")} />}
      {canEdit && <AddOrganizationForm missionId={missionId} addable={addable} name={name} />}
    </div>
  );
}

function AddOrganizationForm({
  missionId,
  addable,
  name,
}: {
  missionId: number;
  addable: AddableOrganization[];
  name: (row: AddableOrganization) => string;
}) {
  const t = useTranslations("missions");
  const router = useRouter();
  const empty = { missionId: String(missionId), organizationId: "" };
  const { form, onSubmit, failure, saved } = useActionForm<AddMissionOrganizationInput, { missionId: number }>({
    schema: addMissionOrganizationSchema,
    action: addMissionOrganization,
    defaultValues: empty,
    onSuccess: () => {
      form.reset(empty);
      router.refresh();
    },
  });
  return (
    <section aria-labelledby="add-organization" className="flex max-w-lg flex-col gap-4">
      <h2 id="add-organization" className="text-lg font-semibold">
        {t("orgs.add")}
      </h2>
      {addable.length === 0 ? (
        <p className="text-muted-foreground">{t("orgs.noneToAdd")}</p>
      ) : (
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <input type="hidden" {...form.register("missionId")} />
          <SelectField
            form={form}
            name="organizationId"
            label={t("orgs.organization")}
            options={[{ value: "", label: t("orgs.choose") }, ...addable.map((o) => ({ value: String(o.id), label: `${o.acronym} — ${name(o)}` }))]}
          />
          <FormStatus failure={failure} saved={saved} savedText={t("orgs.added")} />
          <div>
            <Button type="submit" disabled={form.formState.isSubmitting}>
              {t("orgs.submit")}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
