"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { FormStatus } from "@/components/form/form-status";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { createUser } from "../actions";
import { createUserSchema, type CreateUserInput } from "../schemas";
import { AccessFields, type MinistryOption } from "./user-fields";

export function UserCreateForm({ ministries }: { ministries: MinistryOption[] }) {
  const t = useTranslations("users");
  const router = useRouter();
  const { form, onSubmit, failure, saved } = useActionForm<CreateUserInput, { id: number }>({
    schema: createUserSchema,
    action: createUser,
    defaultValues: { email: "", name: "", role: "viewer", ministryId: "", locale: "lv", password: "" },
    onSuccess: ({ id }) => router.push(`/admin/users/${id}`),
  });
  return (
    <form onSubmit={onSubmit} className="flex max-w-lg flex-col gap-4" noValidate>
      <TextField form={form} name="name" label={t("name")} autoComplete="off" />
      <TextField form={form} name="email" label={t("email")} type="email" autoComplete="off" />
      <AccessFields form={form} ministries={ministries} />
      <SelectField
        form={form}
        name="locale"
        label={t("locale")}
        options={[
          { value: "lv", label: "Latviešu" },
          { value: "en", label: "English" },
        ]}
      />
      <TextField
        form={form}
        name="password"
        label={t("oneTimePassword")}
        hint={t("oneTimePasswordHint")}
        type="password"
        autoComplete="new-password"
      />
      <FormStatus failure={failure} saved={saved} />
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t("create")}
        </Button>
      </div>
    </form>
  );
}
