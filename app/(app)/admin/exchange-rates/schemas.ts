import { z } from "zod";
import { parseAmount, type AmountParse } from "@/lib/amount";
import { locales, type Locale } from "@/lib/i18n/config";

// Shared by the forms (zodResolver, raw values) and the actions (the guard parses them again).

const year = z.coerce.number().int().min(1990, { message: "year" }).max(2100, { message: "year" });
const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { message: "currencyCode" });

/**
 * A rate as typed, in the user's locale: units of the currency per euro, up to 8 decimals (numeric(18,8))
 * and 10 integer digits. The same grammar as amounts, so "1,0824" in Latvian and "1.0824" in English are
 * one rate and "1.082" in Latvian (a thousand or a rate?) is refused rather than guessed.
 */
export function parseRate(text: string, locale: Locale): AmountParse | { ok: false; message: "ratePositive" | "rateDecimals" | "rateTooLarge" } {
  const parsed = parseAmount(text, locale, { maxDecimals: 8, maxIntegerDigits: 10 });
  if (!parsed.ok) {
    if (parsed.message === "amountDecimals") return { ok: false, message: "rateDecimals" };
    if (parsed.message === "amountTooLarge") return { ok: false, message: "rateTooLarge" };
    return parsed;
  }
  if (/^0\.0*$/.test(parsed.value)) return { ok: false, message: "ratePositive" };
  return parsed;
}

/** A new rate row: a correction is one too, never an edit of the old row. */
export const addRateSchema = z
  .strictObject({
    locale: z.enum(locales),
    year,
    currency: currencyCode,
    rate: z.string().trim().min(1).max(40),
    source: z.string().trim().min(1).max(500),
  })
  .transform((value, ctx) => {
    const parsed = parseRate(value.rate, value.locale);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", path: ["rate"], message: parsed.message });
      return z.NEVER;
    }
    return { year: value.year, currency: value.currency, unitsPerEur: parsed.value, source: value.source };
  });
export type AddRateInput = z.input<typeof addRateSchema>;

/** "" = every currency of the year. */
export const recalculateSchema = z.strictObject({
  year,
  currency: z.union([z.literal(""), currencyCode]).transform((value) => value || null),
});
export type RecalculateInput = z.input<typeof recalculateSchema>;

export const addCurrencySchema = z.strictObject({
  code: currencyCode,
  nameLv: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(100),
});
export type AddCurrencyInput = z.input<typeof addCurrencySchema>;

export const setCurrencyActiveSchema = z.strictObject({ code: currencyCode, active: z.boolean() });
