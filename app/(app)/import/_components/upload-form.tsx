"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { fieldIds, FieldFrame } from "@/components/form/field-frame";
import { FormStatus } from "@/components/form/form-status";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { resolveLocale } from "@/lib/i18n/config";
import { cn } from "@/lib/utils";
import { uploadImport } from "../actions";
import { IMPORT_ACCEPT, uploadImportSchema } from "../schemas";

type UploadValues = { file: File | undefined; locale: string };

/**
 * The file goes to the action as FormData (a File does not travel in a plain object); the same schema
 * checks its size in the browser first, so a 50 MB file is refused before it is sent.
 */
export function UploadForm({ hint }: { hint: string }) {
  const t = useTranslations("import");
  const locale = resolveLocale(useLocale());
  const router = useRouter();
  const { form, onSubmit, failure } = useActionForm<UploadValues, { id: number }>({
    schema: uploadImportSchema as never,
    action: (values) => {
      const data = new FormData();
      if (values.file) data.set("file", values.file);
      data.set("locale", values.locale);
      return uploadImport(data);
    },
    defaultValues: { file: undefined, locale },
    onSuccess: ({ id }) => router.push(`/import/${id}`),
  });
  const id = "field-file";
  const message = form.formState.errors.file?.message;
  const error = typeof message === "string" ? message : undefined;
  const submitting = form.formState.isSubmitting;
  return (
    <form onSubmit={onSubmit} className="flex max-w-xl flex-col gap-4" noValidate>
      <FieldFrame id={id} label={t("upload.file")} hint={hint} error={error} messagesNamespace="import.uploadErrors">
        <input
          id={id}
          type="file"
          accept={IMPORT_ACCEPT}
          aria-invalid={!!error}
          aria-describedby={fieldIds(id, hint, error).describedBy}
          className={cn(
            "border-input w-full rounded-md border bg-transparent px-3 py-1.5 text-sm shadow-xs",
            "file:bg-secondary file:text-secondary-foreground file:mr-3 file:rounded file:border-0 file:px-2 file:py-1",
            "focus-visible:border-ring aria-invalid:border-destructive",
          )}
          onChange={(event) => form.setValue("file", event.target.files?.[0], { shouldValidate: form.formState.isSubmitted })}
        />
      </FieldFrame>
      <FormStatus failure={failure} saved={false} />
      <div>
        <Button type="submit" disabled={submitting}>
          {submitting ? t("upload.submitting") : t("upload.submit")}
        </Button>
      </div>
    </form>
  );
}
