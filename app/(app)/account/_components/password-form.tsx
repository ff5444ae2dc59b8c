"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { FormStatus } from "@/components/form/form-status";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { changePassword } from "../actions";
import { changePasswordSchema, type ChangePasswordInput } from "../schemas";

export function PasswordForm({ mustChange }: { mustChange: boolean }) {
  const t = useTranslations("account");
  const router = useRouter();
  const empty = { currentPassword: "", newPassword: "", confirmPassword: "" };
  const { form, onSubmit, failure, saved } = useActionForm<ChangePasswordInput, { version: number }>({
    schema: changePasswordSchema,
    action: changePassword,
    defaultValues: empty,
    onSuccess: () => {
      form.reset(empty);
      // With the one-time password gone, the rest of the app opens.
      if (mustChange) router.push("/");
      else router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} className="flex max-w-lg flex-col gap-4" noValidate>
      <TextField
        form={form}
        name="currentPassword"
        label={mustChange ? t("oneTimePassword") : t("currentPassword")}
        type="password"
        autoComplete="current-password"
      />
      <TextField form={form} name="newPassword" label={t("newPassword")} hint={t("newPasswordHint")} type="password" autoComplete="new-password" />
      <TextField form={form} name="confirmPassword" label={t("confirmPassword")} type="password" autoComplete="new-password" />
      <FormStatus failure={failure} saved={saved} savedText={t("passwordChanged")} />
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t("changePassword")}
        </Button>
      </div>
    </form>
  );
}
