"use client";

import { useTranslations } from "next-intl";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { TextField } from "@/components/form/text-field";

/** The form's values of a programme: every field as the inputs hold it ("" for empty). */
export const EMPTY_PROGRAMME = { code: "", nameLv: "", nameEn: "", validFromYear: "", validToYear: "" };
export type ProgrammeFieldName = keyof typeof EMPTY_PROGRAMME;

/** The programme's own fields, shared by the create and edit forms. */
export function ProgrammeFields<T extends FieldValues>({ form }: { form: UseFormReturn<T> }) {
  const t = useTranslations("programmes");
  const name = (key: ProgrammeFieldName) => key as Path<T>;
  const field = { form, autoComplete: "off" };
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <TextField {...field} name={name("code")} label={t("fields.code")} hint={t("hints.code")} className="font-mono" />
      <div className="hidden md:block" />
      <TextField {...field} name={name("nameLv")} label={t("fields.nameLv")} lang="lv" />
      <TextField {...field} name={name("nameEn")} label={t("fields.nameEn")} lang="en" />
      <TextField {...field} name={name("validFromYear")} label={t("fields.validFromYear")} inputMode="numeric" maxLength={4} />
      <TextField
        {...field}
        name={name("validToYear")}
        label={t("fields.validToYear")}
        hint={t("hints.validToYear")}
        inputMode="numeric"
        maxLength={4}
      />
    </div>
  );
}
