"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable, dataTableColumns } from "@/components/data-table";
import type { TableResult } from "@/components/data-table/spec";
import { Badge } from "@/components/ui/badge";
import type { ExchangeRateListRow } from "@/db/queries/exchange-rates";
import { formatDateTime } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { exchangeRatesTableSpec } from "../search-params";
import { formatRate } from "@/lib/format";

const column = dataTableColumns<ExchangeRateListRow>();

export function RatesTable({ result, currencies, years }: { result: TableResult<ExchangeRateListRow>; currencies: string[]; years: number[] }) {
  const t = useTranslations("exchangeRates");
  const locale = resolveLocale(useLocale());
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor("year", { header: t("year"), meta: { label: t("year"), rowHeader: true, alwaysVisible: true } }),
        column.accessor("currency", { header: t("currency"), meta: { label: t("currency"), alwaysVisible: true } }),
        column.accessor("unitsPerEur", {
          header: t("unitsPerEur"),
          meta: { label: t("unitsPerEur"), numeric: true, alwaysVisible: true },
          cell: ({ getValue }) => formatRate(getValue(), locale),
        }),
        column.display({
          id: "state",
          header: t("state"),
          meta: { label: t("state") },
          cell: ({ row }) =>
            row.original.inUse ? <Badge variant="secondary">{t("inUse")}</Badge> : <Badge variant="outline">{t("superseded")}</Badge>,
        }),
        column.accessor("source", {
          header: t("source"),
          meta: { label: t("source") },
          cell: ({ getValue }) => <span className="block max-w-md break-words whitespace-normal">{getValue()}</span>,
        }),
        column.accessor("enteredByName", {
          header: t("enteredBy"),
          meta: { label: t("enteredBy") },
          cell: ({ getValue }) => getValue() ?? t("seeded"),
        }),
        column.accessor("createdAt", {
          id: "enteredAt",
          header: t("enteredAt"),
          meta: { label: t("enteredAt") },
          cell: ({ getValue }) => <span className="tabular-nums">{formatDateTime(getValue(), locale)}</span>,
        }),
      ]),
    [t, locale],
  );
  return (
    <DataTable
      spec={exchangeRatesTableSpec}
      columns={columns}
      result={result}
      caption={t("caption")}
      getRowId={(row) => String(row.id)}
      filters={[
        { id: "currency", label: t("currency"), options: currencies.map((code) => ({ value: code, label: code })) },
        { id: "year", label: t("year"), options: years.map((year) => ({ value: String(year), label: String(year) })) },
      ]}
    />
  );
}
