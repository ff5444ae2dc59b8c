"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { FormStatus } from "@/components/form/form-status";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { updateProfile } from "../actions";
import { profileSchema, type ProfileInput } from "../schemas";

export function ProfileForm({ version, name, locale }: { version: number; name: string; locale: "lv" | "en" }) {
  const t = useTranslations("account");
  const router = useRouter();
  const { form, onSubmit, failure, saved } = useActionForm<ProfileInput, { version: number }>({
    schema: profileSchema,
    action: updateProfile,
    defaultValues: { version, name, locale },
    onSuccess: ({ version: next }, values) => {
      form.reset({ ...values, version: next });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} className="flex max-w-lg flex-col gap-4" noValidate>
      <input type="hidden" {...form.register("version")} />
      <TextField form={form} name="name" label={t("name")} autoComplete="name" />
      <SelectField
        form={form}
        name="locale"
        label={t("locale")}
        hint={t("localeHint")}
        options={[
          { value: "lv", label: "Latviešu" },
          { value: "en", label: "English" },
        ]}
      />
      <FormStatus failure={failure} saved={saved} savedText={t("saved")} />
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
