/**
 * Sums of stored money without decimal.js: stored amounts have at most two decimals, so whole cents in a
 * BigInt add them exactly, many times faster (the year grid sums 2,000 lines × 5 columns on each render),
 * and the grid's script does not carry a decimal library. lib/money's sumMoney uses this first.
 */
const CENTS = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** The exact sum as a 2-decimal string, or null when a value is not a decimal with at most 2 places. */
export function sumCents(values: readonly (string | null | undefined)[]): string | null {
  let cents = BigInt(0);
  for (const value of values) {
    if (value == null) continue;
    const match = CENTS.exec(value);
    if (!match) return null;
    cents += BigInt(`${match[1]}${match[2]}${(match[3] ?? "").padEnd(2, "0")}`);
  }
  const negative = cents < BigInt(0);
  const digits = (negative ? -cents : cents).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Sums stored amounts (numeric(18,2) strings); anything else is a programming error. */
export function sumStoredMoney(values: readonly (string | null | undefined)[]): string {
  const sum = sumCents(values);
  if (sum === null) throw new RangeError("not a stored amount (at most 2 decimals)");
  return sum;
}
