import { intlLocale, type Locale } from "./i18n/config";

// Intl formats decimal *strings* exactly (no float round-trip), so amounts are passed as stored.
// `useGrouping: "always"`: CLDR's Latvian data skips grouping of 4-digit numbers, but ministry
// spreadsheets write 1 234,56 and so do we.

// Building an Intl formatter costs far more than formatting with it (the year grid formats thousands of
// cells per render), so each (locale, options) pair is built once per process.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(intlLocale[locale], options)));
  return format;
}

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(intlLocale[locale], options)));
  return format;
}

export function formatMoney(value: string | null | undefined, currency: string, locale: Locale): string {
  if (value == null) return "—";
  return numberFormat(locale, {
    style: "currency",
    currency,
    currencyDisplay: currency === "EUR" ? "symbol" : "code",
    useGrouping: "always",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value as unknown as number);
}

export function formatNumber(value: number | string, locale: Locale): string {
  return numberFormat(locale, { useGrouping: "always" }).format(value as unknown as number);
}

export function formatDate(value: Date | string | null | undefined, locale: Locale): string {
  if (value == null) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  return dateFormat(locale, { dateStyle: "medium", timeZone: "Europe/Riga" }).format(date);
}

export function formatDateTime(value: Date | string | null | undefined, locale: Locale): string {
  if (value == null) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  return dateFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Riga" }).format(date);
}

/**
 * An exchange rate (units per euro) with every decimal it was entered with, up to the column's 8:
 * formatNumber's default of 3 would show LVL 0.702804 as 0.703.
 */
export function formatRate(value: string | null | undefined, locale: Locale): string {
  if (value == null) return "—";
  return numberFormat(locale, { useGrouping: "always", maximumFractionDigits: 8 }).format(value as unknown as number);
}

/** A figure with fixed decimals (an amount in its own currency beside its currency code), e.g. 1 234,50. */
export function formatDecimal(value: string | null | undefined, decimals: number, locale: Locale): string {
  if (value == null) return "—";
  return numberFormat(locale, { useGrouping: "always", minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    value as unknown as number,
  );
}

/**
 * A percentage as a query rounded it ("33.3" → "+33,3 %"): Intl formats the decimal string exactly, so
 * nothing is rounded a second time.
 */
export function formatPercent(value: string | null, locale: Locale): string {
  if (value === null) return "—";
  const format = numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero", useGrouping: "always" });
  return `${format.format(value as unknown as number)}\u00a0%`;
}

/** A change in euros with its sign: "+1 234,56 €", "−5,00 €", "0,00 €". */
export function formatSignedMoney(value: string | null, locale: Locale): string {
  if (value === null) return "—";
  const zero = /^-?[0.]+$/.test(value);
  return `${value.startsWith("-") || zero ? "" : "+"}${formatMoney(zero ? "0" : value, "EUR", locale)}`;
}
