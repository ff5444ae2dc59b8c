/** Golden table shared with the SQL test (tests/unit/money.test.ts and tests/db/rounding.test.ts): both sides must agree. */
export const ROUNDING_GOLDEN: [input: string, rounded: string][] = [
  ["0.005", "0.01"],
  ["-0.005", "-0.01"],
  ["0.004999", "0.00"],
  ["2.5", "2.50"],
  ["2.345", "2.35"],
  ["-2.345", "-2.35"],
  ["1.005", "1.01"],
  ["0.125", "0.13"],
  ["-0.125", "-0.13"],
  ["1234567890123456.785", "1234567890123456.79"],
  ["9999999999999999.994", "9999999999999999.99"],
  ["0", "0.00"],
];
