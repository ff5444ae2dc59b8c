import { intlLocale, type Locale } from "./i18n/config";

// Intl formats decimal *strings* exactly (no float round-trip), so amounts are passed as stored.
// `useGrouping: "always"`: CLDR's Latvian data skips grouping of 4-digit numbers, but ministry
// spreadsheets write 1 234,56 and so do we.

export function formatMoney(value: string | null | undefined, currency: string, locale: Locale): string {
  if (value == null) return "—";
  return new Intl.NumberFormat(intlLocale[locale], {
    style: "currency",
    currency,
    currencyDisplay: currency === "EUR" ? "symbol" : "code",
    useGrouping: "always",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value as unknown as number);
}

export function formatNumber(value: number | string, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale], { useGrouping: "always" }).format(value as unknown as number);
}

export function formatDate(value: Date | string | null | undefined, locale: Locale): string {
  if (value == null) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "medium", timeZone: "Europe/Riga" }).format(date);
}

export function formatDateTime(value: Date | string | null | undefined, locale: Locale): string {
  if (value == null) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Riga" }).format(date);
}

/**
 * An exchange rate (units per euro) with every decimal it was entered with, up to the column's 8:
 * formatNumber's default of 3 would show LVL 0.702804 as 0.703.
 */
export function formatRate(value: string | null | undefined, locale: Locale): string {
  if (value == null) return "—";
  return new Intl.NumberFormat(intlLocale[locale], { useGrouping: "always", maximumFractionDigits: 8 }).format(value as unknown as number);
}
