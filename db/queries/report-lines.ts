import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import type { Locale } from "@/lib/i18n/config";
import { db as defaultDb, driverOf, rowsOf, type Db, type Tx } from "../index";
import type { ContributionKind, ContributionStatus } from "../schema/enums";
import { outstandingEur, paidEur, paidPerLine } from "./paid-per-line";
import type { ReportFilters } from "./reports";

type Reader = Db | Tx;

/** One contribution line as the "lines" export shows it: names in the reader's language, money as numeric strings. */
export interface ReportLine {
  id: number;
  year: number;
  acronym: string;
  organization: string;
  kind: ContributionKind;
  ministry: string | null;
  programme: string | null;
  currency: string | null;
  amount: string | null;
  rate: string | null;
  amountEur: string | null;
  plannedEur: string | null;
  paidEur: string;
  outstandingEur: string | null;
  dueDate: string | null;
  status: ContributionStatus;
  cabinetOrder: string | null;
  notes: string | null;
}

export interface ReportLinesArgs {
  filters: ReportFilters;
  /** Every year instead of `filters.year` (the stress benchmark exports the whole register). */
  allYears?: boolean;
  locale: Locale;
}

/**
 * The lines a report counts (cancelled lines never do, as in db/queries/reports.ts), oldest year first,
 * then organization. Dates and money leave PostgreSQL as text, so that nothing becomes a float or shifts a
 * day with the server's time zone.
 */
export function reportLinesQuery({ filters, allYears = false, locale }: ReportLinesArgs): SQL {
  const en = locale === "en";
  const where: SQL[] = [sql`c.status <> 'cancelled'`];
  if (!allYears) where.push(sql`c.year = ${filters.year}`);
  if (filters.ministryId !== null) where.push(sql`c.paying_ministry_id = ${filters.ministryId}`);
  if (filters.kind !== null) where.push(sql`c.kind = ${filters.kind}`);
  if (filters.scopeMinistryId !== null) where.push(sql`c.paying_ministry_id = ${filters.scopeMinistryId}`);
  return sql`select c.year, o.acronym, ${sql.raw(en ? "o.name_en" : "o.name_lv")} as organization, c.kind,
      ${sql.raw(en ? "m.name_en" : "m.name_lv")} as ministry, b.code as programme, c.currency,
      c.amount::text as amount, r.units_per_eur::text as rate, c.amount_eur::text as "amountEur",
      c.planned_eur::text as "plannedEur", ${paidEur}::numeric(18,2)::text as "paidEur",
      (${outstandingEur(sql`c.amount_eur`)})::numeric(18,2)::text as "outstandingEur",
      c.due_date::text as "dueDate", c.status, c.cabinet_order as "cabinetOrder", c.notes, c.id
    from contributions c
    join organizations o on o.id = c.organization_id
    left join ministries m on m.id = c.paying_ministry_id
    left join budget_programmes b on b.id = c.budget_programme_id
    left join exchange_rates r on r.id = c.exchange_rate_id
    left join lateral ${paidPerLine(sql`c.id`)} on true
    where ${sql.join(where, sql` and `)}
    order by c.year, o.acronym, c.kind, c.id`;
}

const dialect = new PgDialect({ casing: "snake_case" });

/** The query as PostgreSQL receives it: text with $n placeholders and its parameters. */
export function reportLinesText(args: ReportLinesArgs): { text: string; params: unknown[] } {
  const query = dialect.sqlToQuery(reportLinesQuery(args));
  return { text: query.sql, params: query.params };
}

/**
 * The columns of the lines query, in select order: the streamed rows are arrays in this order, which is
 * also the lines sheet's column order, so an export writes the cursor's own arrays (no copy per line).
 */
export const REPORT_LINE_KEYS = [
  "year", "acronym", "organization", "kind", "ministry", "programme", "currency", "amount", "rate",
  "amountEur", "plannedEur", "paidEur", "outstandingEur", "dueDate", "status", "cabinetOrder", "notes", "id",
] as const satisfies readonly (keyof ReportLine)[];

/** A line as the cursor hands it over: ReportLine's values in REPORT_LINE_KEYS order. */
export type ReportLineValues = unknown[];

/** Where each field sits in a ReportLineValues array. */
export const LINE: { readonly [K in keyof ReportLine]: number } = Object.fromEntries(REPORT_LINE_KEYS.map((key, i) => [key, i])) as never;

/**
 * Asks for the next batch as soon as one arrives, so PostgreSQL produces it while this one is written out:
 * a cursor otherwise leaves the database idle during every batch's formatting and the process idle during
 * every fetch (COPY streams without pause; npm run bench:exports). Holds two batches at most.
 */
async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  // Promise.resolve: postgres.js answers a finished cursor's next() with a plain { done: true }.
  let pending: Promise<IteratorResult<T>> | null = Promise.resolve(iterator.next());
  try {
    for (;;) {
      const result: IteratorResult<T> = await pending!;
      pending = null;
      if (result.done) return;
      pending = Promise.resolve(iterator.next());
      // A failed fetch surfaces when it is awaited; until then it must not count as unhandled.
      pending.catch(() => {});
      yield result.value;
    }
  } finally {
    // Stopped early (a client gone): let the batch in flight land, then close the cursor.
    if (pending) await pending.catch(() => undefined);
    await iterator.return?.();
  }
}

/** How long one export's cursor may stay open (the slowest download it serves). */
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

/**
 * Every matching line, in batches of arrays: on postgres.js through a server-side cursor, so that an export
 * of 50,000 lines holds one batch in memory, never the whole result; as arrays, not objects, because the
 * export's time went to allocating and collecting 50,000 row objects (npm run bench:exports). PGlite
 * (embedded, single-user) has no cursors; there the one query's result is handed out in the same batches.
 */
export async function* streamReportLines({
  batchSize = 1_000,
  db = defaultDb,
  ...args
}: ReportLinesArgs & { batchSize?: number; db?: Reader }): AsyncGenerator<ReportLineValues[]> {
  const driver = driverOf(db);
  if (driver.kind === "postgres") {
    const { text, params } = reportLinesText(args);
    // PostgreSQL times a cursor as one statement from its first batch to its last, however slowly the client
    // reads: the pool's statement_timeout (15 s, there for runaway queries) cut exports off mid-download on
    // a busy server (npm run bench:exports). So the cursor gets a connection of its own with a bound fit for
    // a download, put back as it was. (Inside a transaction, the caller's connection and its timeout.)
    const reserved = "reserve" in driver.sql ? await driver.sql.reserve() : null;
    try {
      if (reserved) await reserved`select set_config('statement_timeout', ${String(DOWNLOAD_TIMEOUT_MS)}, false)`;
      const cursor = (reserved ?? driver.sql).unsafe(text, params as postgres.ParameterOrJSON<never>[]).values().cursor(batchSize);
      yield* readAhead(cursor as AsyncIterable<ReportLineValues[]>);
    } finally {
      if (reserved) {
        await reserved`reset statement_timeout`.catch(() => {});
        reserved.release();
      }
    }
    return;
  }
  const rows = rowsOf<ReportLine>(await db.execute(reportLinesQuery(args))).map((row) => REPORT_LINE_KEYS.map((key) => row[key]));
  for (let i = 0; i < rows.length; i += batchSize) yield rows.slice(i, i + batchSize);
}

/** The EUR columns' totals over the same lines, summed by PostgreSQL (while the lines stream). */
export async function reportLinesTotals({
  db = defaultDb,
  ...args
}: ReportLinesArgs & { db?: Reader }): Promise<Pick<ReportLine, "amountEur" | "plannedEur" | "paidEur" | "outstandingEur">> {
  const [row] = rowsOf<Pick<ReportLine, "amountEur" | "plannedEur" | "paidEur" | "outstandingEur">>(
    await db.execute(sql`select coalesce(sum(l."amountEur"::numeric), 0)::numeric(18,2)::text as "amountEur",
        coalesce(sum(l."plannedEur"::numeric), 0)::numeric(18,2)::text as "plannedEur",
        coalesce(sum(l."paidEur"::numeric), 0)::numeric(18,2)::text as "paidEur",
        coalesce(sum(l."outstandingEur"::numeric), 0)::numeric(18,2)::text as "outstandingEur"
      from (${reportLinesQuery(args)}) l`),
  );
  return row!;
}
