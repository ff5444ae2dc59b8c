"use client";

import { useTranslations } from "next-intl";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { SelectField } from "@/components/form/select-field";
import { TextAreaField } from "@/components/form/text-area-field";
import { TextField } from "@/components/form/text-field";

export interface CountryOption {
  value: string;
  label: string;
}

/** The form's values of a mission: every field as the inputs hold it (strings, "" for empty). */
export const EMPTY_MISSION = {
  nameLv: "",
  nameEn: "",
  city: "",
  countryCode: "",
  address: "",
  headOfMission: "",
  email: "",
  phone: "",
  website: "",
  openedOn: "",
  closedOn: "",
  notes: "",
};

/** The mission's own fields, shared by the create and edit forms. */
export function MissionFields<T extends FieldValues>({ form, countries }: { form: UseFormReturn<T>; countries: CountryOption[] }) {
  const t = useTranslations("missions");
  const name = (key: keyof typeof EMPTY_MISSION) => key as Path<T>;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <TextField form={form} name={name("nameLv")} label={t("fields.nameLv")} autoComplete="off" lang="lv" />
      <TextField form={form} name={name("nameEn")} label={t("fields.nameEn")} autoComplete="off" lang="en" />
      <TextField form={form} name={name("city")} label={t("fields.city")} autoComplete="off" />
      <SelectField
        form={form}
        name={name("countryCode")}
        label={t("fields.countryCode")}
        hint={t("hints.countryCode")}
        options={[{ value: "", label: t("chooseCountry") }, ...countries]}
      />
      <TextField form={form} name={name("address")} label={t("fields.address")} autoComplete="off" />
      <TextField form={form} name={name("headOfMission")} label={t("fields.headOfMission")} autoComplete="off" />
      <TextField form={form} name={name("email")} label={t("fields.email")} type="email" autoComplete="off" />
      <TextField form={form} name={name("phone")} label={t("fields.phone")} type="tel" autoComplete="off" />
      <TextField form={form} name={name("website")} label={t("fields.website")} hint={t("hints.website")} type="url" autoComplete="off" />
      <div className="hidden md:block" />
      <TextField form={form} name={name("openedOn")} label={t("fields.openedOn")} type="date" />
      <TextField form={form} name={name("closedOn")} label={t("fields.closedOn")} hint={t("hints.closedOn")} type="date" />
      <div className="md:col-span-2">
        <TextAreaField form={form} name={name("notes")} label={t("fields.notes")} />
      </div>
    </div>
  );
}
