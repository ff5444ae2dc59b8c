"use client";

import { useTranslations } from "next-intl";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { SelectField } from "@/components/form/select-field";
import { USER_ROLES } from "@/lib/auth/roles";

export interface MinistryOption {
  value: string;
  label: string;
}

/** Role and ministry scope: the two fields that decide what a user may see and change. */
export function AccessFields<T extends FieldValues>({ form, ministries }: { form: UseFormReturn<T>; ministries: MinistryOption[] }) {
  const t = useTranslations("users");
  const tUser = useTranslations("user");
  return (
    <>
      <SelectField
        form={form}
        name={"role" as Path<T>}
        label={t("role")}
        hint={t("roleHint")}
        options={[...USER_ROLES].reverse().map((role) => ({ value: role, label: tUser(`role.${role}`) }))}
      />
      <SelectField
        form={form}
        name={"ministryId" as Path<T>}
        label={t("ministry")}
        hint={t("ministryHint")}
        options={[{ value: "", label: t("allMinistries") }, ...ministries]}
      />
    </>
  );
}
