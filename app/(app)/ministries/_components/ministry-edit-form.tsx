"use client";

import { useTranslations } from "next-intl";
import { ConflictNotice, theirChanges } from "@/components/form/conflict-notice";
import { FormStatus } from "@/components/form/form-status";
import { useVersionedEditForm } from "@/components/form/use-versioned-edit-form";
import { Button } from "@/components/ui/button";
import { updateMinistry } from "../actions";
import { updateMinistrySchema, type UpdateMinistryInput } from "../schemas";
import { TextField } from "@/components/form/text-field";

export interface EditableMinistry {
  id: number;
  version: number;
  code: string;
  nameLv: string;
  nameEn: string;
  active: boolean;
}

const valuesOf = (ministry: EditableMinistry): UpdateMinistryInput => ({
  id: ministry.id,
  version: ministry.version,
  nameLv: ministry.nameLv,
  nameEn: ministry.nameEn,
});

export function MinistryEditForm({
  ministry,
  version,
  onSaved,
}: {
  ministry: EditableMinistry;
  /** The version this page last knew, shared with the status form (ministry-forms.tsx). */
  version: number;
  onSaved: (version: number) => void;
}) {
  const t = useTranslations("ministries");
  const { form, onSubmit, failure, saved, current, loadTheirs } = useVersionedEditForm({
    schema: updateMinistrySchema,
    action: updateMinistry,
    record: ministry,
    toValues: valuesOf,
    version,
    onSaved,
  });
  return (
    <form onSubmit={onSubmit} className="flex max-w-lg flex-col gap-4" noValidate>
      <input type="hidden" {...form.register("id")} />
      {/* Not a form field (submit sends the shared version); kept in the page for whoever inspects it. */}
      <input type="hidden" name="version" value={version} readOnly />
      <p className="text-sm">
        <span className="font-medium">{t("fields.code")}:</span> <code className="font-mono">{ministry.code}</code>{" "}
        <span className="text-muted-foreground">({t("codeFixed")})</span>
      </p>
      <TextField form={form} name="nameLv" label={t("fields.nameLv")} autoComplete="off" lang="lv" />
      <TextField form={form} name="nameEn" label={t("fields.nameEn")} autoComplete="off" lang="en" />
      <FormStatus
        failure={failure}
        saved={saved}
        savedText={t("saved")}
        conflict={
          current && (
            <ConflictNotice
              changes={theirChanges(form.getValues(), valuesOf(current), ["nameLv", "nameEn"], (_, value) => String(value ?? ""))}
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
