"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { FormStatus } from "@/components/form/form-status";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { createMinistry } from "../actions";
import { createMinistrySchema, type CreateMinistryInput } from "../schemas";
import { TextField } from "@/components/form/text-field";

export function MinistryCreateForm() {
  const t = useTranslations("ministries");
  const router = useRouter();
  const { form, onSubmit, failure, saved } = useActionForm<CreateMinistryInput, { id: number }>({
    schema: createMinistrySchema,
    action: createMinistry,
    defaultValues: { code: "", nameLv: "", nameEn: "" },
    onSuccess: ({ id }) => router.push(`/ministries/${id}`),
  });
  return (
    <form onSubmit={onSubmit} className="flex max-w-lg flex-col gap-4" noValidate>
      <TextField form={form} name="code" label={t("fields.code")} hint={t("hints.code")} autoComplete="off" />
      <TextField form={form} name="nameLv" label={t("fields.nameLv")} autoComplete="off" lang="lv" />
      <TextField form={form} name="nameEn" label={t("fields.nameEn")} autoComplete="off" lang="en" />
      <FormStatus failure={failure} saved={saved} />
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t("create")}
        </Button>
      </div>
    </form>
  );
}
