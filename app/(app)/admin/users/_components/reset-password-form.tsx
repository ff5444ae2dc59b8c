"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { FormStatus } from "@/components/form/form-status";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { resetPassword } from "../actions";
import { resetPasswordSchema, type ResetPasswordInput } from "../schemas";

export function ResetPasswordForm({ id, version, onSaved }: { id: number; version: number; onSaved: (version: number) => void }) {
  const t = useTranslations("users");
  const router = useRouter();
  const { form, onSubmit, failure, saved } = useActionForm<ResetPasswordInput, { version: number }>({
    schema: resetPasswordSchema,
    // id and version from the page each time: another form here may have saved a newer version.
    action: (values) => resetPassword({ ...values, id, version }),
    defaultValues: { id, version, password: "" },
    onSuccess: ({ version: next }) => {
      form.reset({ id, version: next, password: "" });
      onSaved(next);
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} className="flex max-w-lg flex-col gap-4" noValidate>
      <TextField
        form={form}
        name="password"
        label={t("oneTimePassword")}
        hint={t("resetHint")}
        type="password"
        autoComplete="new-password"
      />
      <FormStatus failure={failure} saved={saved} savedText={t("passwordReset")} />
      <div>
        <Button type="submit" variant="outline" disabled={form.formState.isSubmitting}>
          {t("resetPassword")}
        </Button>
      </div>
    </form>
  );
}
