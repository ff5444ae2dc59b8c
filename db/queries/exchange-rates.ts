import "server-only";
import { and, asc, count, desc, eq, inArray, isNotNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { ExchangeRatesQuery } from "@/app/(app)/admin/exchange-rates/search-params";
import type { ActionContext } from "@/lib/action";
import { ActionError } from "@/lib/errors";
import { db as defaultDb, type Db, type Tx } from "../index";
import { contributions, currencies, exchangeRates, payments, users, type Currency, type ExchangeRate } from "../schema";
import { refreshContributionStatus } from "./contribution-writes";
import { assertYearOpen, convertToEur, rateFor } from "./contributions";
import { orderFor, pageOffset, pageResult, totalCount } from "./table";

type Reader = Db | Tx;
type Audit = ActionContext["audit"];

// ── The rates list ───────────────────────────────────────────────────────────────────────────────

export interface ExchangeRateListRow {
  id: number;
  year: number;
  currency: string;
  unitsPerEur: string;
  source: string;
  enteredByName: string | null;
  createdAt: Date;
  /** The row conversions of its (currency, year) use now: the newest one; older rows are superseded. */
  inUse: boolean;
}

/**
 * The rates, newest entry first by default; `inUse` is computed with the order `rateFor` picks by
 * (newest createdAt, then id), so the list marks exactly the row a conversion of that year would take.
 */
export async function listExchangeRates({
  query,
  db = defaultDb,
}: {
  query: ExchangeRatesQuery;
  db?: Reader;
}): Promise<{ rows: ExchangeRateListRow[]; total: number }> {
  const { currency, year } = query.filters;
  const where = and(
    currency && /^[A-Z]{3}$/.test(currency) ? eq(exchangeRates.currency, currency) : undefined,
    year ? eq(exchangeRates.year, year) : undefined,
  );
  const inUse = sql<boolean>`row_number() over (partition by ${exchangeRates.currency}, ${exchangeRates.year}
    order by ${exchangeRates.createdAt} desc, ${exchangeRates.id} desc) = 1`;
  const { limit, offset } = pageOffset(query);
  const [primary] = orderFor(
    query.sort,
    { year: exchangeRates.year, currency: exchangeRates.currency, unitsPerEur: exchangeRates.unitsPerEur, enteredAt: exchangeRates.createdAt },
    exchangeRates.id,
  );
  const rows = await db
    .select({
      id: exchangeRates.id,
      year: exchangeRates.year,
      currency: exchangeRates.currency,
      unitsPerEur: sql<string>`${exchangeRates.unitsPerEur}::text`,
      source: exchangeRates.source,
      enteredByName: users.name,
      createdAt: exchangeRates.createdAt,
      inUse,
      totalCount,
    })
    .from(exchangeRates)
    .leftJoin(users, eq(users.id, exchangeRates.enteredBy))
    .where(where)
    // Within one sort key the newest entry leads: a correction sits above the row it supersedes.
    .orderBy(primary!, desc(exchangeRates.year), asc(exchangeRates.currency), desc(exchangeRates.createdAt), desc(exchangeRates.id))
    .limit(limit)
    .offset(offset);
  return pageResult(rows, query, async () => {
    const [row] = await db.select({ n: count() }).from(exchangeRates).where(where);
    return row?.n ?? 0;
  });
}

/** Years that have a rate, newest first: the list's year filter. */
export async function rateYears(db: Reader = defaultDb): Promise<number[]> {
  const rows = await db.selectDistinct({ year: exchangeRates.year }).from(exchangeRates).orderBy(desc(exchangeRates.year));
  return rows.map((r) => r.year);
}

export async function insertRate(
  tx: Tx,
  audit: Audit,
  userId: number,
  values: { year: number; currency: string; unitsPerEur: string; source: string },
): Promise<ExchangeRate> {
  const [currency] = await tx.select().from(currencies).where(eq(currencies.code, values.currency));
  if (!currency || !currency.active) throw new ActionError("invalid", { fieldErrors: { currency: ["choice"] } });
  // EUR converts at 1 by definition; a row for it would only be ignored (rateFor never reads one).
  if (currency.code === "EUR") throw new ActionError("invalid", { fieldErrors: { currency: ["rateEur"] } });
  const [row] = await tx.insert(exchangeRates).values({ ...values, enteredBy: userId }).returning();
  await audit({
    action: "create",
    entity: "exchange_rates",
    entityId: row!.id,
    after: { year: row!.year, currency: row!.currency, unitsPerEur: row!.unitsPerEur, source: row!.source, enteredBy: userId },
  });
  return row!;
}

// ── Currencies ───────────────────────────────────────────────────────────────────────────────────

export interface CurrencyRow extends Currency {
  rateCount: number;
}

/** Every currency (EUR first), with how many rate rows it has. */
export async function listCurrencies(db: Reader = defaultDb): Promise<CurrencyRow[]> {
  const rates = db
    .select({ currency: exchangeRates.currency, n: sql<number>`count(*)::int`.as("n") })
    .from(exchangeRates)
    .groupBy(exchangeRates.currency)
    .as("rates");
  const rows = await db
    .select({
      code: currencies.code,
      nameLv: currencies.nameLv,
      nameEn: currencies.nameEn,
      fixedRate: currencies.fixedRate,
      active: currencies.active,
      createdAt: currencies.createdAt,
      rateCount: sql<number>`coalesce(${rates.n}, 0)::int`,
    })
    .from(currencies)
    .leftJoin(rates, eq(rates.currency, currencies.code))
    .orderBy(sql`${currencies.code} <> 'EUR'`, asc(currencies.code));
  return rows;
}

const auditedCurrency = ({ code, nameLv, nameEn, fixedRate, active }: Currency) => ({ code, nameLv, nameEn, fixedRate, active });

export async function insertCurrency(tx: Tx, audit: Audit, values: { code: string; nameLv: string; nameEn: string }): Promise<Currency> {
  const [row] = await tx.insert(currencies).values(values).onConflictDoNothing({ target: currencies.code }).returning();
  if (!row) throw new ActionError("invalid", { fieldErrors: { code: ["currencyTaken"] } });
  await audit({ action: "create", entity: "currencies", entityId: row.code, after: auditedCurrency(row) });
  return row;
}

/**
 * An inactive currency is offered for no new line or rate; lines already in it keep it. EUR, the
 * register's own currency, stays active.
 */
export async function setCurrencyActive(tx: Tx, audit: Audit, code: string, active: boolean): Promise<Currency> {
  const [before] = await tx.select().from(currencies).where(eq(currencies.code, code)).for("update");
  if (!before) throw new ActionError("not_found");
  if (code === "EUR" && !active) throw new ActionError("invalid", { fieldErrors: { _form: ["eurActive"] } });
  if (before.active === active) return before;
  const [after] = await tx.update(currencies).set({ active }).where(eq(currencies.code, code)).returning();
  await audit({ action: active ? "activate" : "deactivate", entity: "currencies", entityId: code, before: auditedCurrency(before), after: auditedCurrency(after!) });
  return after!;
}

// ── Recalculation of a year with the rates now in force ─────────────────────────────────────────

export interface StaleCount {
  currency: string;
  /** The rate row now in force for the currency and year (what a recalculation would use). */
  rateId: number;
  unitsPerEur: string;
  contributions: number;
  payments: number;
}

/** The non-EUR currencies the year's contributions and payments are in, with the rate now in force. */
async function ratesInForce(tx: Reader, year: number, currency: string | null) {
  const where = (column: typeof contributions.currency | typeof payments.currency) =>
    and(ne(column, "EUR"), currency ? eq(column, currency) : undefined);
  const [lineCurrencies, paymentCurrencies] = await Promise.all([
    tx.selectDistinct({ code: contributions.currency }).from(contributions).where(and(eq(contributions.year, year), isNotNull(contributions.amount), where(contributions.currency))),
    tx
      .selectDistinct({ code: payments.currency })
      .from(payments)
      .innerJoin(contributions, eq(contributions.id, payments.contributionId))
      .where(and(eq(contributions.year, year), where(payments.currency))),
  ]);
  const codes = [...new Set([...lineCurrencies, ...paymentCurrencies].map((r) => r.code).filter((c): c is string => !!c))].sort();
  const out: { currency: string; rateId: number; unitsPerEur: string }[] = [];
  for (const code of codes) {
    const rate = await rateFor(tx, code, year);
    if (rate) out.push({ currency: code, rateId: rate.id, unitsPerEur: rate.unitsPerEur });
  }
  return out;
}

// A line is stale when it was converted with another row than the one in force now (a correction came later).
const staleLine = (currency: string, rateId: number): SQL =>
  and(eq(contributions.currency, currency), isNotNull(contributions.amount), sql`${contributions.exchangeRateId} is distinct from ${rateId}`)!;
const stalePayment = (currency: string, rateId: number): SQL =>
  and(eq(payments.currency, currency), sql`${payments.exchangeRateId} is distinct from ${rateId}`)!;

/** How many of the year's lines and payments a recalculation would change, per currency. */
export async function staleCounts({ year, currency = null, db = defaultDb }: { year: number; currency?: string | null; db?: Reader }): Promise<StaleCount[]> {
  const rates = await ratesInForce(db, year, currency);
  const out: StaleCount[] = [];
  for (const rate of rates) {
    const [[lines], [pays]] = await Promise.all([
      db.select({ n: count() }).from(contributions).where(and(eq(contributions.year, year), staleLine(rate.currency, rate.rateId))),
      db
        .select({ n: count() })
        .from(payments)
        .innerJoin(contributions, eq(contributions.id, payments.contributionId))
        .where(and(eq(contributions.year, year), stalePayment(rate.currency, rate.rateId))),
    ]);
    out.push({ ...rate, contributions: lines?.n ?? 0, payments: pays?.n ?? 0 });
  }
  return out;
}

/**
 * "Recalculate year Y with the new rate": every line and payment of the year converted with an older
 * row than the one in force gets its EUR amount again from the current row (the one rounding rule, via
 * convertToEur) and records that row; one audit row per changed line (payments against their
 * contribution, as their other changes are), then the statuses follow the new paid sums. Refused in a
 * closed year. Contributions are locked before payments, in id order, as the payment writes do.
 */
export async function recalculateYear(
  tx: Tx,
  audit: Audit,
  userId: number,
  { year, currency = null }: { year: number; currency?: string | null },
): Promise<{ contributions: number; payments: number }> {
  await assertYearOpen(tx, year);
  const rates = await ratesInForce(tx, year, currency);
  if (rates.length === 0) return { contributions: 0, payments: 0 };
  const rateOf = new Map(rates.map((rate) => [rate.currency, rate]));
  const anyStalePayment = or(...rates.map((rate) => stalePayment(rate.currency, rate.rateId)))!;
  // Every contribution the run touches, locked at once in id order: per currency, the order would not be global.
  const locked = await tx
    .select()
    .from(contributions)
    .where(
      and(
        eq(contributions.year, year),
        or(
          ...rates.map((rate) => staleLine(rate.currency, rate.rateId)),
          inArray(contributions.id, tx.select({ id: payments.contributionId }).from(payments).where(anyStalePayment)),
        ),
      ),
    )
    .orderBy(asc(contributions.id))
    .for("update");
  const touched = new Set<number>();
  let lineCount = 0, paymentCount = 0;

  for (const before of locked) {
    const rate = before.currency ? rateOf.get(before.currency) : undefined;
    if (!rate || before.amount === null || before.exchangeRateId === rate.rateId) continue;
    const converted = (await convertToEur(tx, before.amount, rate.currency, year))!;
    const [after] = await tx
      .update(contributions)
      .set({ ...converted, updatedBy: userId, version: sql`${contributions.version} + 1`, updatedAt: sql`now()` })
      .where(eq(contributions.id, before.id))
      .returning();
    await audit({
      action: "recalculate",
      entity: "contributions",
      entityId: before.id,
      before: { amountEur: before.amountEur, exchangeRateId: before.exchangeRateId },
      after: { amountEur: after!.amountEur, exchangeRateId: after!.exchangeRateId },
    });
    touched.add(before.id);
    lineCount += 1;
  }

  const stalePays = locked.length
    ? await tx
        .select()
        .from(payments)
        .where(and(inArray(payments.contributionId, locked.map((row) => row.id)), anyStalePayment))
        .orderBy(asc(payments.id))
        .for("update")
    : [];
  for (const before of stalePays) {
    const converted = (await convertToEur(tx, before.amount, before.currency, year))!;
    const [after] = await tx
      .update(payments)
      .set({ ...converted, updatedBy: userId, version: sql`${payments.version} + 1`, updatedAt: sql`now()` })
      .where(eq(payments.id, before.id))
      .returning();
    // Payments are written against their contribution in the log, as their other changes are.
    await audit({
      action: "recalculate",
      entity: "contributions",
      entityId: before.contributionId,
      before: { payment: { id: before.id, amountEur: before.amountEur, exchangeRateId: before.exchangeRateId } },
      after: { payment: { id: before.id, amountEur: after!.amountEur, exchangeRateId: after!.exchangeRateId } },
    });
    touched.add(before.contributionId);
    paymentCount += 1;
  }
  for (const id of [...touched].sort((a, b) => a - b)) await refreshContributionStatus(tx, audit, userId, id);
  return { contributions: lineCount, payments: paymentCount };
}
