import Decimal from "decimal.js";
import { sumCents } from "./cents";

/**
 * The one rounding rule for money: half away from zero, to 2 decimals, exactly as PostgreSQL's
 * round(numeric, 2). decimal.js' ROUND_HALF_UP is "away from zero" for negatives too.
 * Inputs are decimal strings (as drizzle returns `numeric`) or Decimals; never floats.
 */
// Intermediate results are truncated far beyond cents (60 significant digits), so the single rounding
// to 2 decimals decides alone: no double rounding of an x.xx4999… quotient.
const Money = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_DOWN });

export type MoneyInput = string | Decimal;

const DECIMAL_STRING = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function toDecimal(value: MoneyInput): Decimal {
  if (value instanceof Decimal) return new Money(value);
  const trimmed = value.trim();
  if (!DECIMAL_STRING.test(trimmed)) throw new RangeError(`not a decimal amount: ${JSON.stringify(value)}`);
  return new Money(trimmed);
}

/** Rounds once, explicitly, to cents; returns the canonical string stored in numeric(18,2). */
export function roundMoney(value: MoneyInput): string {
  return toDecimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** Whole currency units, same rule; for estimates and planned figures kept in round euros. */
export function roundWhole(value: MoneyInput): string {
  return toDecimal(value).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0);
}

/** Converts an amount in a currency to euros with a rate given as units of that currency per euro. */
export function toEur(amount: MoneyInput, unitsPerEur: MoneyInput): string {
  const rate = toDecimal(unitsPerEur);
  if (rate.lte(0)) throw new RangeError("exchange rate must be positive");
  return roundMoney(toDecimal(amount).div(rate));
}

/** Sums stored (already rounded) lines; the total of rounded lines, as reports must show. */
export function sumMoney(values: readonly (MoneyInput | null | undefined)[]): string {
  const strings = values.every((value) => value == null || typeof value === "string");
  return (
    (strings ? sumCents(values as readonly (string | null | undefined)[]) : null) ??
    values.reduce<Decimal>((total, value) => (value == null ? total : total.plus(toDecimal(value))), new Money(0)).toFixed(2)
  );
}
