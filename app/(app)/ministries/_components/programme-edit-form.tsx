"use client";

import { useTranslations } from "next-intl";
import { ConflictNotice, theirChanges } from "@/components/form/conflict-notice";
import { FormStatus } from "@/components/form/form-status";
import { useVersionedEditForm } from "@/components/form/use-versioned-edit-form";
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
  const { form, onSubmit, failure, saved, current, loadTheirs } = useVersionedEditForm({
    schema: updateProgrammeSchema,
    action: updateProgramme,
    record: programme,
    toValues: valuesOf,
    version,
    onSaved,
  });
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
              onLoad={loadTheirs}
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
