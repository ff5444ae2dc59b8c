import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadTable } from "@/components/data-table/load";
import { parseTableQuery } from "@/components/data-table/spec";
import { closedYears } from "@/db/queries/contributions";
import { listCurrencies, listExchangeRates, rateYears, staleCounts } from "@/db/queries/exchange-rates";
import { requireUser } from "@/lib/auth/session";
import { currentYear } from "@/lib/years";
import { AddRateForm } from "./_components/add-rate-form";
import { CurrenciesSection } from "./_components/currencies-section";
import { RatesTable } from "./_components/rates-table";
import { RecalculatePanel } from "./_components/recalculate-panel";
import { exchangeRatesTableSpec } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("exchangeRates");
  return { title: t("title") };
}

/** `?recalcYear=2024`: the year the recalculation panel counts; anything else means the current year. */
function recalcYearOf(value: string | string[] | undefined): number {
  const text = Array.isArray(value) ? value[0] : value;
  const year = text && /^\d{4}$/.test(text) ? Number(text) : NaN;
  return year >= 1990 && year <= 2100 ? year : currentYear();
}

export default async function ExchangeRatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser({ roles: ["admin"] });
  const params = await searchParams;
  const query = parseTableQuery(exchangeRatesTableSpec, params);
  const recalcYear = recalcYearOf(params.recalcYear);
  const [t, result, currencies, years, stale, closed] = await Promise.all([
    getTranslations("exchangeRates"),
    loadTable("exchange_rates", () => listExchangeRates({ query })),
    listCurrencies(),
    rateYears(),
    staleCounts({ year: recalcYear }),
    closedYears(),
  ]);
  const rateCurrencies = currencies.filter((c) => c.code !== "EUR");
  return (
    <div className="flex flex-col gap-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-muted-foreground max-w-3xl">{t("subtitle")}</p>
      </div>
      <section aria-labelledby="rates-heading" className="flex flex-col gap-4">
        <h2 id="rates-heading" className="text-xl font-semibold">
          {t("ratesHeading")}
        </h2>
        <RatesTable result={result} currencies={rateCurrencies.map((c) => c.code)} years={years} />
      </section>
      <section aria-labelledby="add-rate-heading" className="flex flex-col gap-4">
        <h2 id="add-rate-heading" className="text-xl font-semibold">
          {t("add.heading")}
        </h2>
        <p className="text-muted-foreground max-w-3xl text-sm">{t("add.intro")}</p>
        <AddRateForm currencies={rateCurrencies.filter((c) => c.active).map((c) => c.code)} defaultYear={currentYear()} />
      </section>
      <section aria-labelledby="recalc-heading" className="flex flex-col gap-4">
        <h2 id="recalc-heading" className="text-xl font-semibold">
          {t("recalc.heading")}
        </h2>
        <p className="text-muted-foreground max-w-3xl text-sm">{t("recalc.intro")}</p>
        <RecalculatePanel year={recalcYear} stale={stale} closed={closed.has(recalcYear)} />
      </section>
      <CurrenciesSection currencies={currencies} />
    </div>
  );
}
