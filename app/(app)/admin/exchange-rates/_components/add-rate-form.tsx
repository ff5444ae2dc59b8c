"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { FormStatus } from "@/components/form/form-status";
import { SelectField } from "@/components/form/select-field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { resolveLocale } from "@/lib/i18n/config";
import { addExchangeRate } from "../actions";
import { addRateSchema, type AddRateInput } from "../schemas";
import { TextField } from "@/components/form/text-field";

/** A new rate row (a correction too): year, currency, the rate as typed in the user's locale, its source. */
export function AddRateForm({ currencies, defaultYear }: { currencies: string[]; defaultYear: number }) {
  const t = useTranslations("exchangeRates");
  const locale = resolveLocale(useLocale());
  const router = useRouter();
  const { form, onSubmit, failure, saved } = useActionForm<AddRateInput, { id: number }>({
    schema: addRateSchema,
    action: addExchangeRate,
    defaultValues: { locale, year: String(defaultYear), currency: currencies[0] ?? "", rate: "", source: "" },
    onSuccess: (_, values) => {
      form.reset({ ...values, rate: "", source: "" });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} className="flex max-w-lg flex-col gap-4" noValidate>
      <input type="hidden" {...form.register("locale")} />
      <TextField messagesNamespace="exchangeRates.errors" form={form} name="year" label={t("year")} inputMode="numeric" autoComplete="off" maxLength={4} />
      <SelectField form={form} name="currency" label={t("currency")} options={currencies.map((code) => ({ value: code, label: code }))} />
      <TextField messagesNamespace="exchangeRates.errors" form={form} name="rate" label={t("unitsPerEur")} hint={t("add.rateHint")} inputMode="decimal" autoComplete="off" />
      <TextField messagesNamespace="exchangeRates.errors" form={form} name="source" label={t("source")} hint={t("add.sourceHint")} autoComplete="off" />
      <FormStatus failure={failure} saved={saved} savedText={t("add.added")} />
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t("add.submit")}
        </Button>
      </div>
    </form>
  );
}
