"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { ConflictNotice, theirChanges } from "@/components/form/conflict-notice";
import { FormStatus } from "@/components/form/form-status";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { updateProgramme } from "../actions";
import { updateProgrammeSchema, type UpdateProgrammeInput } from "../schemas";
import { EMPTY_PROGRAMME, ProgrammeFields, type ProgrammeFieldName } from "./programme-fields";

export interface EditableProgramme {
  id: number;
  version: number;
  code: string;
  nameLv: string;
  nameEn: string;
  validFromYear: number;
  validToYear: number | null;
}

function valuesOf(programme: EditableProgramme): UpdateProgrammeInput {
  return {
    id: programme.id,
    version: programme.version,
    code: programme.code,
    nameLv: programme.nameLv,
    nameEn: programme.nameEn,
    validFromYear: String(programme.validFromYear),
    validToYear: programme.validToYear === null ? "" : String(programme.validToYear),
  };
}

export function ProgrammeEditForm({
  programme,
  version,
  onSaved,
}: {
  programme: EditableProgramme;
  /** The version this page last knew, shared with the delete button (programme-forms.tsx). */
  version: number;
  onSaved: (version: number) => void;
}) {
  const t = useTranslations("programmes");
  const router = useRouter();
  const { form, onSubmit, failure, saved, setFailure } = useActionForm<UpdateProgrammeInput, { version: number }>({
    schema: updateProgrammeSchema,
    action: (values) => updateProgramme({ ...values, version }),
    defaultValues: valuesOf(programme),
    onSuccess: ({ version: next }, values) => {
      form.reset(values);
      onSaved(next);
      router.refresh();
    },
  });
  const { isDirty } = form.formState;
  useEffect(() => {
    if (!isDirty) form.reset(valuesOf(programme));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the server's version changes
  }, [programme.version]);
  const current = failure?.code === "conflict" ? (failure.current as EditableProgramme | undefined) : undefined;
  return (
    <form onSubmit={onSubmit} className="flex max-w-3xl flex-col gap-4" noValidate>
      <input type="hidden" {...form.register("id")} />
      {/* Not a form field (submit sends the shared version); kept in the page for whoever inspects it. */}
      <input type="hidden" name="version" value={version} readOnly />
      <ProgrammeFields form={form} />
      <FormStatus
        failure={failure}
        saved={saved}
        savedText={t("saved")}
        conflict={
          current && (
            <ConflictNotice
              changes={theirChanges(form.getValues(), valuesOf(current), Object.keys(EMPTY_PROGRAMME) as ProgrammeFieldName[], (_, value) => String(value ?? ""))}
              label={(field) => t(`fields.${field}`)}
              empty={t("none")}
              loadLabel={t("loadTheirs")}
              onLoad={() => {
                form.reset(valuesOf(current));
                onSaved(current.version);
                setFailure(null);
                router.refresh();
              }}
            />
          )
        }
      />
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
