import { formatMoney } from "@/lib/format";
import { intlLocale, type Locale } from "@/lib/i18n/config";

const percentFormats = new Map<Locale, Intl.NumberFormat>();

/**
 * A percentage as the query rounded it ("33.3" → "+33,3 %"): Intl formats the decimal string exactly, so
 * nothing is rounded a second time.
 */
export function formatPercent(value: string | null, locale: Locale): string {
  if (value === null) return "—";
  let format = percentFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero", useGrouping: "always" });
    percentFormats.set(locale, format);
  }
  return `${format.format(value as unknown as number)}\u00a0%`;
}

/** A change in euros with its sign: "+1 234,56 €", "−5,00 €". */
export function formatSignedMoney(value: string | null, locale: Locale): string {
  if (value === null) return "—";
  const zero = /^-?[0.]+$/.test(value);
  return `${value.startsWith("-") || zero ? "" : "+"}${formatMoney(zero ? "0" : value, "EUR", locale)}`;
}
