import { and, eq } from "drizzle-orm";
import type { Tx } from "../index";
import { exchangeRates } from "../schema";
import type { ExchangeRateRow } from "./data";
import type { SeedSummary } from "./summary";

export interface RateRef {
  id: number;
  unitsPerEur: string;
}

/** Rates by `${currency}:${year}`; a fixed-rate currency (LVL) also under `${currency}:fixed`. */
export type RateTable = Map<string, RateRef>;

export function rateKey(currency: string, year: number | "fixed"): string {
  return `${currency}:${year}`;
}

/**
 * Rates are append-only (a correction is a new row), so the whole row is the natural key: a row is
 * inserted only when no row with the same year, currency, value and source exists. Returns the rows the
 * seed's own conversions use, whether inserted now or by an earlier run.
 */
export async function ensureRates(
  tx: Tx,
  summary: SeedSummary,
  rows: readonly ExchangeRateRow[],
  fixedCurrencies: ReadonlySet<string> = new Set(),
  table: RateTable = new Map(),
): Promise<RateTable> {
  for (const r of rows) {
    let [row] = await tx
      .select({ id: exchangeRates.id, unitsPerEur: exchangeRates.unitsPerEur })
      .from(exchangeRates)
      .where(
        and(
          eq(exchangeRates.year, r.year),
          eq(exchangeRates.currency, r.currency),
          // Compared as numeric in SQL: "1.3285" equals the stored 1.32850000.
          eq(exchangeRates.unitsPerEur, r.unitsPerEur),
          eq(exchangeRates.source, r.source),
        ),
      )
      .limit(1);
    if (!row) {
      [row] = await tx
        .insert(exchangeRates)
        .values({ year: r.year, currency: r.currency, unitsPerEur: r.unitsPerEur, source: r.source })
        .returning({ id: exchangeRates.id, unitsPerEur: exchangeRates.unitsPerEur });
      summary.exchangeRates += 1;
    }
    if (!row) throw new Error(`exchange rate ${r.currency} ${r.year} could not be inserted`);
    const key = rateKey(r.currency, r.year);
    if (table.has(key)) throw new Error(`two seed rates for ${r.currency} ${r.year}`);
    table.set(key, row);
    if (fixedCurrencies.has(r.currency)) table.set(rateKey(r.currency, "fixed"), row);
  }
  return table;
}

/**
 * The rate row for converting an amount of `currency` in `year`: null for EUR (rate 1), the fixed row
 * for LVL whatever the year, otherwise the row of that exact year (a missing one is a seed data error).
 */
export function rateFor(table: RateTable, currency: string, year: number): RateRef | null {
  if (currency === "EUR") return null;
  const rate = table.get(rateKey(currency, year)) ?? table.get(rateKey(currency, "fixed"));
  if (!rate) throw new Error(`no exchange rate for ${currency} ${year}`);
  return rate;
}
