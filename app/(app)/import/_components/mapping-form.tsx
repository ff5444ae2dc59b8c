"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { FormStatus } from "@/components/form/form-status";
import { SelectField } from "@/components/form/select-field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { resolveLocale } from "@/lib/i18n/config";
import { IMPORT_FIELDS, type ColumnMapping } from "@/lib/import/fields";
import { previewImport } from "../actions";
import { previewImportSchema, type PreviewImportInput } from "../schemas";

/**
 * One select per field over the file's columns, pre-filled with what was recognised or remembered; the
 * dry run classifies every row with it and writes nothing. It may be run again until the import is applied.
 */
export function MappingForm({
  id,
  version,
  headers,
  mapping,
  defaultYear,
  years,
}: {
  id: number;
  version: number;
  headers: string[];
  mapping: ColumnMapping;
  defaultYear: number | null;
  years: number[];
}) {
  const t = useTranslations("import");
  const locale = resolveLocale(useLocale());
  const router = useRouter();
  const { form, onSubmit, failure } = useActionForm<PreviewImportInput, unknown>({
    schema: previewImportSchema,
    action: previewImport,
    defaultValues: {
      id,
      version,
      locale,
      mapping: Object.fromEntries(IMPORT_FIELDS.map((field) => [field, mapping[field] === undefined ? "" : String(mapping[field])])),
      defaultYear: defaultYear === null ? "" : String(defaultYear),
    },
    // A new dry run starts from its first group of rows, not the page the old one was left on.
    onSuccess: () => router.replace(`/import/${id}`, { scroll: false }),
  });
  const columns = [{ value: "", label: t("mapping.notInFile") }, ...headers.map((header, index) => ({ value: String(index), label: t("mapping.column", { n: index + 1, header: header || "—" }) }))];
  const yearColumn = form.watch("mapping.year");
  const submitting = form.formState.isSubmitting;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-labelledby="mapping-heading">
      <div className="grid max-w-4xl gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {IMPORT_FIELDS.map((field) => (
          <SelectField key={field} form={form} name={`mapping.${field}`} label={t(`fields.${field}`)} options={columns} messagesNamespace="import.validation" />
        ))}
      </div>
      {!yearColumn && (
        <div className="max-w-xs">
          <SelectField
            form={form}
            name="defaultYear"
            label={t("mapping.defaultYear")}
            hint={t("mapping.defaultYearHint")}
            options={[{ value: "", label: t("mapping.noYear") }, ...years.map((year) => ({ value: String(year), label: String(year) }))]}
            messagesNamespace="import.validation"
          />
        </div>
      )}
      <FormStatus failure={failure} saved={false} />
      <div>
        <Button type="submit" disabled={submitting}>
          {submitting ? t("mapping.submitting") : t("mapping.submit")}
        </Button>
      </div>
    </form>
  );
}
