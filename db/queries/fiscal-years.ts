import "server-only";
import { eq, sql } from "drizzle-orm";
import type { ActionContext } from "@/lib/action";
import { ActionError } from "@/lib/errors";
import { db as defaultDb, rowsOf, type Db, type Tx } from "../index";
import { fiscalYears, type FiscalYear } from "../schema";

type Reader = Db | Tx;
type Audit = ActionContext["audit"];

export interface FiscalYearRow {
  year: number;
  closedAt: string | null;
  closedByName: string | null;
  contributionCount: number;
  paymentCount: number;
  /** Sum of the stored EUR amounts of the lines that are not cancelled. */
  amountEur: string;
  paidEur: string;
}

/**
 * Every year that has contributions or a fiscal_years row, newest first, with its state and what it
 * holds. Sums are of stored (rounded) lines, in SQL.
 */
export async function listFiscalYears(db: Reader = defaultDb): Promise<FiscalYearRow[]> {
  const result = await db.execute(sql`
    with years as (
      select year from contributions union select year from fiscal_years
    ),
    lines as (
      select year, count(*)::int as n,
        coalesce(sum(amount_eur) filter (where status <> 'cancelled'), 0)::numeric(18,2)::text as amount_eur
      from contributions group by year
    ),
    paid as (
      select c.year, count(*)::int as n, coalesce(sum(p.amount_eur), 0)::numeric(18,2)::text as paid_eur
      from payments p join contributions c on c.id = p.contribution_id group by c.year
    )
    select y.year,
      to_char(f.closed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "closedAt",
      u.name as "closedByName",
      coalesce(l.n, 0) as "contributionCount",
      coalesce(p.n, 0) as "paymentCount",
      coalesce(l.amount_eur, '0.00') as "amountEur",
      coalesce(p.paid_eur, '0.00') as "paidEur"
    from years y
    left join fiscal_years f on f.year = y.year
    left join users u on u.id = f.closed_by
    left join lines l on l.year = y.year
    left join paid p on p.year = y.year
    order by y.year desc`);
  return rowsOf<FiscalYearRow>(result);
}

const audited = (row: Pick<FiscalYear, "closedAt" | "closedBy"> | undefined, reason: string | null = null) => ({
  closedAt: row?.closedAt?.toISOString() ?? null,
  closedBy: row?.closedBy ?? null,
  reason,
});

/**
 * The year's row, created open when the year has none yet, and locked FOR UPDATE: writers hold it
 * `for share` (assertYearOpen, and the database trigger of drizzle/0005), so a close waits for the
 * writes in flight and no write starts until it commits.
 */
async function lockYear(tx: Tx, year: number): Promise<FiscalYear> {
  await tx.insert(fiscalYears).values({ year }).onConflictDoNothing({ target: fiscalYears.year });
  const [row] = await tx.select().from(fiscalYears).where(eq(fiscalYears.year, year)).for("update");
  return row!;
}

/** Closes a year: its contributions and payments become read-only. Closing it again answers "conflict". */
export async function closeYear(tx: Tx, audit: Audit, userId: number, year: number): Promise<FiscalYear> {
  const before = await lockYear(tx, year);
  if (before.closedAt) throw new ActionError("conflict", { current: audited(before) });
  const [after] = await tx
    .update(fiscalYears)
    .set({ closedAt: sql`now()`, closedBy: userId, updatedAt: sql`now()` })
    .where(eq(fiscalYears.year, year))
    .returning();
  await audit({ action: "close", entity: "fiscal_years", entityId: year, before: audited(before), after: audited(after) });
  return after!;
}

/** Opens a closed year again; the reason is kept in the audit row, the only place it is needed. */
export async function reopenYear(tx: Tx, audit: Audit, year: number, reason: string): Promise<FiscalYear> {
  const before = await lockYear(tx, year);
  if (!before.closedAt) throw new ActionError("conflict", { current: audited(before) });
  const [after] = await tx
    .update(fiscalYears)
    .set({ closedAt: null, closedBy: null, updatedAt: sql`now()` })
    .where(eq(fiscalYears.year, year))
    .returning();
  await audit({ action: "reopen", entity: "fiscal_years", entityId: year, before: audited(before), after: audited(after, reason) });
  return after!;
}
