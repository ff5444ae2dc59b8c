"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormStatus } from "@/components/form/form-status";
import { useActionForm, type FormFailure } from "@/components/form/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CurrencyRow } from "@/db/queries/exchange-rates";
import { formatNumber } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { addCurrency, setCurrencyActive } from "../actions";
import { addCurrencySchema, type AddCurrencyInput } from "../schemas";
import { TextField } from "@/components/form/text-field";

/** The register's currencies: the list, activate/deactivate, and a form for a new ISO 4217 currency. */
export function CurrenciesSection({ currencies }: { currencies: CurrencyRow[] }) {
  const t = useTranslations("currencies");
  return (
    <section aria-labelledby="currencies-heading" className="flex flex-col gap-4">
      <h2 id="currencies-heading" className="text-xl font-semibold">
        {t("heading")}
      </h2>
      <p className="text-muted-foreground max-w-3xl text-sm">{t("intro")}</p>
      <CurrenciesTable currencies={currencies} />
      <h3 className="text-lg font-semibold">{t("add.heading")}</h3>
      <AddCurrencyForm />
    </section>
  );
}

function CurrenciesTable({ currencies }: { currencies: CurrencyRow[] }) {
  const t = useTranslations("currencies");
  const locale = resolveLocale(useLocale());
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  function toggle(currency: CurrencyRow) {
    startTransition(async () => {
      setFailure(null);
      setSaved(null);
      const result = await setCurrencyActive({ code: currency.code, active: !currency.active });
      if (!result.ok) {
        setFailure({ code: result.error });
        return;
      }
      setSaved(`${currency.code}: ${result.data.active ? t("active") : t("inactive")}`);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="max-w-4xl rounded-md border">
        <Table>
          <TableCaption className="sr-only">{t("caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">{t("code")}</TableHead>
              <TableHead scope="col">{t("nameLv")}</TableHead>
              <TableHead scope="col">{t("nameEn")}</TableHead>
              <TableHead scope="col">{t("fixedRate")}</TableHead>
              <TableHead scope="col" className="text-right">
                {t("rateCount")}
              </TableHead>
              <TableHead scope="col">{t("status")}</TableHead>
              <TableHead scope="col">
                <span className="sr-only">{t("actionsColumn")}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {currencies.map((currency) => (
              <TableRow key={currency.code}>
                <TableHead scope="row" className="font-mono font-normal">
                  {currency.code}
                </TableHead>
                <TableCell>{currency.nameLv}</TableCell>
                <TableCell>{currency.nameEn}</TableCell>
                <TableCell className="text-muted-foreground text-sm">{currency.fixedRate ? t("fixedRateHint") : "—"}</TableCell>
                <TableCell className="text-right tabular-nums">{formatNumber(currency.rateCount, locale)}</TableCell>
                <TableCell>
                  <Badge variant={currency.active ? "secondary" : "outline"}>{currency.active ? t("active") : t("inactive")}</Badge>
                </TableCell>
                <TableCell>
                  {currency.code !== "EUR" && (
                    <Button type="button" size="sm" variant="outline" disabled={pending} onClick={() => toggle(currency)}>
                      {currency.active ? t("deactivate", { code: currency.code }) : t("activate", { code: currency.code })}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <FormStatus failure={failure} saved={saved !== null} savedText={saved ?? undefined} />
    </div>
  );
}

function AddCurrencyForm() {
  const t = useTranslations("currencies");
  const router = useRouter();
  const { form, onSubmit, failure, saved } = useActionForm<AddCurrencyInput, { code: string }>({
    schema: addCurrencySchema,
    action: addCurrency,
    defaultValues: { code: "", nameLv: "", nameEn: "" },
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} className="flex max-w-lg flex-col gap-4" noValidate>
      <TextField messagesNamespace="exchangeRates.errors" form={form} name="code" label={t("code")} hint={t("add.codeHint")} autoComplete="off" maxLength={3} className="w-24 uppercase" />
      <TextField messagesNamespace="exchangeRates.errors" form={form} name="nameLv" label={t("nameLv")} autoComplete="off" />
      <TextField messagesNamespace="exchangeRates.errors" form={form} name="nameEn" label={t("nameEn")} autoComplete="off" />
      <FormStatus failure={failure} saved={saved} savedText={t("add.added")} />
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t("add.submit")}
        </Button>
      </div>
    </form>
  );
}
