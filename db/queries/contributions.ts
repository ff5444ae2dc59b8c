import "server-only";
import { aliasedTable, and, asc, desc, eq, ilike, inArray, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { RecordScope } from "@/lib/action";
import { ActionError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { toEur } from "@/lib/money";
import { packValues, type PackedRows } from "@/lib/packed";
import { db as defaultDb, queryValues, rowsOf, type Db, type Tx } from "../index";
import {
  budgetProgrammes,
  contributions,
  currencies,
  exchangeRates,
  fiscalYears,
  ministries,
  organizations,
  payments,
  users,
  type ContributionKind,
  type ContributionStatus,
} from "../schema";
import { outstandingEur, paidEur, paidPerLine, paymentCount } from "./paid-per-line";
import { containsPattern, latvianSortKey } from "./table";

type Reader = Db | Tx;

// ── Scope ────────────────────────────────────────────────────────────────────────────────────────

/**
 * The scope of a change to contributions: their paying ministries plus any ministry the change would move
 * them to. A scoped user passes only when all of them are theirs, so the answer is the single ministry
 * they share or none; null when any contribution does not exist.
 */
export async function contributionsScope(tx: Reader, ids: readonly number[], movingTo: readonly number[] = []): Promise<RecordScope> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return null;
  const rows = await tx
    .select({ ministryId: contributions.payingMinistryId })
    .from(contributions)
    .where(inArray(contributions.id, unique));
  if (rows.length !== unique.length) return null;
  return singleMinistry([...rows.map((r) => r.ministryId), ...movingTo]);
}

/** The one ministry all of these are, or none (so that only unscoped users pass). */
export function singleMinistry(ministryIds: readonly (number | null)[]): NonNullable<RecordScope> {
  const distinct = new Set(ministryIds);
  const [only] = [...distinct];
  return { ministryIds: distinct.size === 1 && only != null ? [only] : [] };
}

// ── Fiscal year ──────────────────────────────────────────────────────────────────────────────────

/**
 * Every write to a year's contributions and payments calls this inside its transaction. The shared lock
 * makes a concurrent close wait for the write (and a write wait for a close), so nothing slips into a
 * year after it was closed.
 */
export async function assertYearOpen(tx: Tx, year: number): Promise<void> {
  // A year without its row yet gets one, so there is always a row to lock against a concurrent close.
  await tx.insert(fiscalYears).values({ year }).onConflictDoNothing();
  const [row] = await tx.select({ closedAt: fiscalYears.closedAt }).from(fiscalYears).where(eq(fiscalYears.year, year)).for("share");
  if (row?.closedAt) throw new ActionError("year_closed");
}

export async function closedYears(db: Reader = defaultDb): Promise<Set<number>> {
  const rows = await db.select({ year: fiscalYears.year }).from(fiscalYears).where(sql`${fiscalYears.closedAt} is not null`);
  return new Set(rows.map((r) => r.year));
}

// ── Exchange rates ───────────────────────────────────────────────────────────────────────────────

export interface RateChoice {
  id: number;
  unitsPerEur: string;
}

/**
 * The budget rate a conversion in `year` uses: the newest row entered for that currency and year (a
 * correction is a newer row). A fixed-rate currency (LVL) uses its newest row of any year up to `year`.
 * null for EUR and when no rate exists.
 */
export async function rateFor(tx: Reader, currency: string, year: number): Promise<RateChoice | null> {
  if (currency === "EUR") return null;
  const [cur] = await tx.select({ fixedRate: currencies.fixedRate }).from(currencies).where(eq(currencies.code, currency));
  if (!cur) return null;
  const [row] = await tx
    .select({ id: exchangeRates.id, unitsPerEur: exchangeRates.unitsPerEur })
    .from(exchangeRates)
    .where(and(eq(exchangeRates.currency, currency), cur.fixedRate ? lte(exchangeRates.year, year) : eq(exchangeRates.year, year)))
    .orderBy(desc(exchangeRates.year), desc(exchangeRates.createdAt), desc(exchangeRates.id))
    .limit(1);
  return row ?? null;
}

/**
 * Converts an amount of `year` to euros with the rate `rateFor` picks, rounded once (lib/money). Returns
 * null when a non-EUR currency has no rate for the year; the caller turns that into a field message.
 */
export async function convertToEur(
  tx: Reader,
  amount: string,
  currency: string,
  year: number,
): Promise<{ amountEur: string; exchangeRateId: number | null } | null> {
  if (currency === "EUR") return { amountEur: toEur(amount, "1"), exchangeRateId: null };
  const rate = await rateFor(tx, currency, year);
  if (!rate) return null;
  return { amountEur: toEur(amount, rate.unitsPerEur), exchangeRateId: rate.id };
}

// ── Status from payments ─────────────────────────────────────────────────────────────────────────

/** The status a contribution has once its payments are counted: set by the system, never by hand. */
export function derivedStatus(current: ContributionStatus, amountEur: string | null, paidEur: string): ContributionStatus {
  const paid = Number(paidEur) > 0; // comparison with zero only: exact for numeric strings
  if (!paid) return current === "partially_paid" || current === "paid" ? "assessed" : current;
  if (amountEur !== null && compareDecimal(paidEur, amountEur) >= 0) return "paid";
  return "partially_paid";
}

/** Compares two non-negative decimal strings exactly. */
export function compareDecimal(a: string, b: string): number {
  const [ai = "0", af = ""] = a.split(".");
  const [bi = "0", bf = ""] = b.split(".");
  const width = Math.max(af.length, bf.length);
  const x = BigInt(ai + af.padEnd(width, "0"));
  const y = BigInt(bi + bf.padEnd(width, "0"));
  return x === y ? 0 : x > y ? 1 : -1;
}

/** Sum of a contribution's payments in EUR, as stored (rounded) lines. */
export async function paidEurOf(tx: Reader, contributionId: number): Promise<{ paidEur: string; count: number }> {
  const [row] = await tx
    .select({
      paidEur: sql<string>`coalesce(sum(${payments.amountEur}), 0)::numeric(18,2)::text`,
      count: sql<number>`count(*)::int`,
    })
    .from(payments)
    .where(eq(payments.contributionId, contributionId));
  return row ?? { paidEur: "0.00", count: 0 };
}

// ── The year grid ────────────────────────────────────────────────────────────────────────────────

/**
 * A line as the grid holds it. Names of the organization, ministry and programme are not repeated on
 * every line: the grid looks them up in its options (GridOptions), and a line's own page reads them with
 * contributionLabels. On 2,000 lines they were a third of the page (npm run bench:grid).
 */
export interface ContributionRow {
  id: number;
  version: number;
  year: number;
  organizationId: number;
  acronym: string;
  kind: ContributionKind;
  payingMinistryId: number | null;
  budgetProgrammeId: number | null;
  currency: string | null;
  amount: string | null;
  /** Units of the currency per euro of the rate row the EUR amount was computed with. */
  rate: string | null;
  amountEur: string | null;
  plannedEur: string | null;
  paidEur: string;
  /** Amount EUR less paid EUR, never below zero; null while the amount is not known or when cancelled. */
  outstandingEur: string | null;
  dueDate: string | null;
  status: ContributionStatus;
  overdue: boolean;
  cabinetOrder: string | null;
  paymentCount: number;
}

/**
 * A line as a write returns it (and a conflict shows it): the grid's fields plus what only the line's own
 * page and the conflict popover need, kept off the 2,000 lines of the year grid.
 */
export interface SavedContributionRow extends ContributionRow {
  exchangeRateId: number | null;
  notes: string | null;
  updatedAt: string;
  updatedByName: string | null;
}

export interface YearGridFilters {
  ministryId?: number | null;
  kind?: ContributionKind | null;
  status?: ContributionStatus | "overdue" | null;
  currency?: string | null;
  organizationId?: number | null;
  q?: string | null;
}

const updater = aliasedTable(users, "updater");

// "Today" in Riga: the fiscal calendar's, whatever the server's time zone.
export const todayInRiga = sql`(now() at time zone 'Europe/Riga')::date`;

/** Overdue, everywhere the app says so: past its due date (in Riga) and neither paid nor cancelled. */
export const isOverdue = sql<boolean>`(${contributions.dueDate} < ${todayInRiga} and ${contributions.status} not in ('paid', 'cancelled'))`;

// Every value is selected in the form the grid keeps it (text for numeric and date), so the drizzle path
// and the raw one (yearGridPacked) give the same rows on both drivers.
function gridFields() {
  return {
    id: contributions.id,
    version: contributions.version,
    year: contributions.year,
    organizationId: contributions.organizationId,
    acronym: organizations.acronym,
    kind: contributions.kind,
    payingMinistryId: contributions.payingMinistryId,
    budgetProgrammeId: contributions.budgetProgrammeId,
    currency: contributions.currency,
    amount: sql<string | null>`${contributions.amount}::text`,
    rate: sql<string | null>`${exchangeRates.unitsPerEur}::text`,
    amountEur: sql<string | null>`${contributions.amountEur}::text`,
    plannedEur: sql<string | null>`${contributions.plannedEur}::text`,
    paidEur: sql<string>`${paidEur}::numeric(18,2)::text`,
    // A cancelled line owes nothing, whatever its amount.
    outstandingEur: sql<string | null>`case when ${contributions.status} = 'cancelled' then null
      else (${outstandingEur(contributions.amountEur)})::numeric(18,2)::text end`,
    dueDate: sql<string | null>`${contributions.dueDate}::text`,
    status: contributions.status,
    overdue: sql<boolean>`coalesce(${isOverdue}, false)`,
    cabinetOrder: contributions.cabinetOrder,
    paymentCount,
  } satisfies Record<keyof ContributionRow, unknown>;
}

function gridSelect(db: Reader) {
  return db
    .select(gridFields())
    .from(contributions)
    .innerJoin(organizations, eq(organizations.id, contributions.organizationId))
    .leftJoin(exchangeRates, eq(exchangeRates.id, contributions.exchangeRateId))
    .leftJoinLateral(paidPerLine(contributions.id), sql`true`);
}

function savedSelect(db: Reader) {
  return db
    .select({
      ...gridFields(),
      exchangeRateId: contributions.exchangeRateId,
      notes: contributions.notes,
      updatedAt: sql<string>`to_char(${contributions.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
      updatedByName: updater.name,
    } satisfies Record<keyof SavedContributionRow, unknown>)
    .from(contributions)
    .innerJoin(organizations, eq(organizations.id, contributions.organizationId))
    .leftJoin(exchangeRates, eq(exchangeRates.id, contributions.exchangeRateId))
    .leftJoin(updater, eq(updater.id, contributions.updatedBy))
    .leftJoinLateral(paidPerLine(contributions.id), sql`true`);
}

interface YearGridArgs {
  year: number;
  scopeMinistryId?: number | null;
  filters?: YearGridFilters;
}

function yearGridQuery(db: Reader, { year, scopeMinistryId = null, filters = {} }: YearGridArgs) {
  const where: (SQL | undefined)[] = [eq(contributions.year, year)];
  if (scopeMinistryId !== null) where.push(eq(contributions.payingMinistryId, scopeMinistryId));
  if (filters.ministryId) where.push(eq(contributions.payingMinistryId, filters.ministryId));
  if (filters.kind) where.push(eq(contributions.kind, filters.kind));
  if (filters.status === "overdue") {
    where.push(isOverdue);
  } else if (filters.status) {
    where.push(eq(contributions.status, filters.status));
  }
  if (filters.currency) where.push(eq(contributions.currency, filters.currency));
  if (filters.organizationId) where.push(eq(contributions.organizationId, filters.organizationId));
  if (filters.q) {
    const pattern = containsPattern(filters.q);
    where.push(
      or(
        ilike(organizations.acronym, pattern),
        ilike(organizations.nameLv, pattern),
        ilike(organizations.nameEn, pattern),
        ilike(contributions.cabinetOrder, pattern),
        ilike(contributions.notes, pattern),
      ),
    );
  }
  return gridSelect(db)
    .where(and(...where))
    .orderBy(latvianSortKey(organizations.acronym), asc(contributions.kind), asc(contributions.id));
}

// The grid row's keys in select order (the raw path's arrays follow it).
const gridKeys = Object.keys(gridFields()) as (keyof ContributionRow)[];

/**
 * Every contribution of a year that matches the filters, for the grid (no paging: the grid virtualizes,
 * and totals must cover all rows). `scopeMinistryId` limits a ministry-scoped user to what their ministry
 * pays. Sorted by organization (Latvian order), then kind and id.
 */
export async function listYearContributions({ db = defaultDb, ...args }: YearGridArgs & { db?: Reader }): Promise<ContributionRow[]> {
  return yearGridQuery(db, args);
}

/**
 * The same rows as listYearContributions, packed for the page (lib/packed) straight from the driver's
 * arrays: no per-field mapping and no row objects on the server for 2,000 lines.
 */
export async function yearGridPacked({ db = defaultDb, ...args }: YearGridArgs & { db?: Db }): Promise<{ rows: PackedRows<ContributionRow>; count: number }> {
  const values = await queryValues(db, yearGridQuery(db, args).toSQL());
  return { rows: packValues(gridKeys, values), count: values.length };
}

/** The grid's SQL, parameters and row keys, for the benchmark's bare handler to run the very same query. */
export function yearGridSql({ db = defaultDb, ...args }: YearGridArgs & { db?: Reader }): { sql: string; params: unknown[]; keys: string[] } {
  return { ...yearGridQuery(db, args).toSQL(), keys: gridKeys };
}

export async function contributionRows(db: Reader, ids: readonly number[]): Promise<SavedContributionRow[]> {
  if (ids.length === 0) return [];
  return savedSelect(db).where(inArray(contributions.id, [...ids])).orderBy(asc(contributions.id));
}

export async function contributionRow(db: Reader, id: number): Promise<SavedContributionRow | null> {
  const [row] = await contributionRows(db, [id]);
  return row ?? null;
}

export interface ContributionLabels {
  organizationName: string;
  ministryName: string | null;
  programmeCode: string | null;
}

/** The names a line's own page shows beside its figures, in the reader's language. */
export async function contributionLabels(row: ContributionRow, locale: Locale, db: Reader = defaultDb): Promise<ContributionLabels> {
  const [organization, ministry, programme] = await Promise.all([
    db.select({ nameLv: organizations.nameLv, nameEn: organizations.nameEn }).from(organizations).where(eq(organizations.id, row.organizationId)),
    row.payingMinistryId === null
      ? []
      : db.select({ nameLv: ministries.nameLv, nameEn: ministries.nameEn }).from(ministries).where(eq(ministries.id, row.payingMinistryId)),
    row.budgetProgrammeId === null ? [] : db.select({ code: budgetProgrammes.code }).from(budgetProgrammes).where(eq(budgetProgrammes.id, row.budgetProgrammeId)),
  ]);
  const name = (item: { nameLv: string; nameEn: string } | undefined) => (item ? (locale === "en" ? item.nameEn : item.nameLv) : null);
  return { organizationName: name(organization[0]) ?? row.acronym, ministryName: name(ministry[0]), programmeCode: programme[0]?.code ?? null };
}

/** Years that have contributions, plus the current and next year, newest first: the year switcher. */
export async function contributionYears(db: Reader = defaultDb, around: number): Promise<number[]> {
  // A skip scan down the year index (one probe per year) rather than reading every line: ~1.7 ms
  // against ~10 ms for `select distinct` on 50,000 lines, on every grid page load.
  const result = await db.execute(sql`
    with recursive y(year) as (
      select min(${contributions.year}) from ${contributions}
      union all
      select (select min(${contributions.year}) from ${contributions} where ${contributions.year} > y.year) from y where y.year is not null
    )
    select year from y where year is not null`);
  const years = new Set([...rowsOf<{ year: number }>(result).map((r) => Number(r.year)), around, around + 1]);
  return [...years].sort((a, b) => b - a);
}

export const notCancelled = ne(contributions.status, "cancelled");
