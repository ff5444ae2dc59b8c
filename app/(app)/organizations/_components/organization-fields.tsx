"use client";

import { useTranslations } from "next-intl";
import { useController, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { fieldIds } from "@/components/form/field-frame";
import { FieldMessage } from "@/components/form/field-message";
import { SelectField } from "@/components/form/select-field";
import { TextAreaField } from "@/components/form/text-area-field";
import { TextField } from "@/components/form/text-field";
import { ORGANIZATION_KINDS } from "../search-params";

export interface Choice {
  value: string;
  label: string;
}

/** The form's values of an organization: every field as the inputs hold it ("" for empty). */
export const EMPTY_ORGANIZATION = {
  acronym: "",
  nameLv: "",
  nameEn: "",
  kind: "organization" as (typeof ORGANIZATION_KINDS)[number],
  hqCity: "",
  website: "",
  memberSince: "",
  treatyUrl: "",
  billingCurrencies: [] as string[],
  sourceUrl: "",
  notes: "",
};
export type OrganizationFieldName = keyof typeof EMPTY_ORGANIZATION;

function errorOf<T extends FieldValues>(form: UseFormReturn<T>, name: Path<T>): string | undefined {
  const error = form.formState.errors[name] as { message?: unknown } | { message?: unknown }[] | undefined;
  // An array field's client-side issue sits on its item ("billingCurrencies.0"), the server's on the field.
  const message = Array.isArray(error) ? error.find(Boolean)?.message : error?.message;
  return typeof message === "string" ? message : undefined;
}

/**
 * Billing currencies as a group of checkboxes. The value is kept as a list in the order ticked, so that
 * saving untouched currencies (e.g. FAO's USD, EUR) never reads as a change.
 */
function CurrenciesField<T extends FieldValues>({ form, currencies }: { form: UseFormReturn<T>; currencies: Choice[] }) {
  const t = useTranslations("organizations");
  const name = "billingCurrencies" as Path<T>;
  const { field } = useController({ control: form.control, name });
  const value: string[] = Array.isArray(field.value) ? field.value : [];
  const error = errorOf(form, name);
  const { describedBy, hintId, errorId } = fieldIds("field-billingCurrencies", t("hints.billingCurrencies"), error);
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={describedBy}>
      <legend className="mb-2 text-sm leading-none font-medium">{t("fields.billingCurrencies")}</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {currencies.map((currency, index) => (
          <label key={currency.value} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="accent-primary size-4"
              value={currency.value}
              checked={value.includes(currency.value)}
              ref={index === 0 ? field.ref : undefined}
              onBlur={field.onBlur}
              onChange={(event) =>
                field.onChange(event.target.checked ? [...value, currency.value] : value.filter((code) => code !== currency.value))
              }
            />
            <span>
              <span className="font-medium">{currency.value}</span> <span className="text-muted-foreground">{currency.label}</span>
            </span>
          </label>
        ))}
      </div>
      <p id={hintId} className="text-muted-foreground text-sm">
        {t("hints.billingCurrencies")}
      </p>
      <FieldMessage id={errorId} messages={error} />
    </fieldset>
  );
}

/** The organization's own fields, shared by the create and edit forms. */
export function OrganizationFields<T extends FieldValues>({ form, currencies }: { form: UseFormReturn<T>; currencies: Choice[] }) {
  const t = useTranslations("organizations");
  const name = (key: OrganizationFieldName) => key as Path<T>;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <TextField form={form} name={name("acronym")} label={t("fields.acronym")} hint={t("hints.acronym")} autoComplete="off" />
      <SelectField
        form={form}
        name={name("kind")}
        label={t("fields.kind")}
        options={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`values.kind.${kind}`) }))}
      />
      <TextField form={form} name={name("nameLv")} label={t("fields.nameLv")} autoComplete="off" lang="lv" />
      <TextField form={form} name={name("nameEn")} label={t("fields.nameEn")} autoComplete="off" lang="en" />
      <TextField form={form} name={name("hqCity")} label={t("fields.hqCity")} autoComplete="off" />
      <TextField form={form} name={name("memberSince")} label={t("fields.memberSince")} type="date" />
      <TextField form={form} name={name("website")} label={t("fields.website")} hint={t("hints.website")} type="url" autoComplete="off" />
      <TextField form={form} name={name("treatyUrl")} label={t("fields.treatyUrl")} hint={t("hints.treatyUrl")} type="url" autoComplete="off" />
      <div className="md:col-span-2">
        <CurrenciesField form={form} currencies={currencies} />
      </div>
      <TextField form={form} name={name("sourceUrl")} label={t("fields.sourceUrl")} hint={t("hints.sourceUrl")} type="url" autoComplete="off" />
      <div className="hidden md:block" />
      <div className="md:col-span-2">
        <TextAreaField form={form} name={name("notes")} label={t("fields.notes")} />
      </div>
    </div>
  );
}
