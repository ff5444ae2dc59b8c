import "server-only";
import Decimal from "decimal.js";
import { sql, type SQL } from "drizzle-orm";
import { toDecimal } from "@/lib/money";
import { db as defaultDb, rowsOf, type Db, type Tx } from "../index";
import type { ContributionKind } from "../schema/enums";
import { yearMatrix, type YearCell } from "./contribution-years";
import { todayInRiga } from "./contributions";
import { outstandingEur, paidEur, paidPerLine } from "./paid-per-line";
import { latvianSortKey } from "./table";

type Reader = Db | Tx;

export interface ReportFilters {
  year: number;
  /** The filter chosen in the UI (paying ministry). */
  ministryId: number | null;
  kind: ContributionKind | null;
  /** The signed-in user's ministry scope (null = all). */
  scopeMinistryId: number | null;
}


/**
 * The lines a report counts, as the grid filters them: the year, the user's scope (what their ministry pays),
 * the ministry and kind filters; cancelled lines never. Years are a list so the year view can reuse it.
 */
function lineFilter(filters: Omit<ReportFilters, "year">, years: SQL): SQL {
  const where: SQL[] = [sql`c.status <> 'cancelled'`, years];
  if (filters.scopeMinistryId !== null) where.push(sql`c.paying_ministry_id = ${filters.scopeMinistryId}`);
  if (filters.ministryId) where.push(sql`c.paying_ministry_id = ${filters.ministryId}`);
  if (filters.kind) where.push(sql`c.kind = ${filters.kind}`);
  return sql.join(where, sql` and `);
}

/** Each counted line with its paid sum and its outstanding, as the grid has them (db/queries/paid-per-line). */
function linesCte(filters: ReportFilters): SQL {
  return sql`line as (
    select c.id, c.organization_id, c.paying_ministry_id, c.budget_programme_id, c.amount_eur, c.planned_eur, c.status, c.due_date,
      ${paidEur} as paid, ${outstandingEur(sql`c.amount_eur`)} as outstanding
    from contributions c
    left join lateral ${paidPerLine(sql`c.id`)} on true
    where ${lineFilter(filters, sql`c.year = ${filters.year}`)}
  )`;
}

// The money columns of a budget group, summed by the database over the stored (rounded) lines; the variance
// and its percentage follow from those sums, the percentage rounded once to one decimal.
const budgetSums = sql`
  count(*)::int as line_count,
  coalesce(sum(l.planned_eur), 0)::numeric(18,2) as planned,
  coalesce(sum(l.amount_eur), 0)::numeric(18,2) as assessed,
  coalesce(sum(l.paid), 0)::numeric(18,2) as paid,
  coalesce(sum(l.outstanding), 0)::numeric(18,2) as outstanding`;

const budgetColumns = sql`
  s.line_count,
  s.planned::text as planned_eur, s.assessed::text as assessed_eur, s.paid::text as paid_eur, s.outstanding::text as outstanding_eur,
  (s.assessed - s.planned)::numeric(18,2)::text as variance_eur,
  case when s.planned = 0 then null else round((s.assessed - s.planned) * 100 / s.planned, 1)::numeric(18,1)::text end as variance_pct`;

/** A line of a budget view, or its subtotal / total. Money: numeric strings with 2 decimals ("1234.50"). */
export interface BudgetRow {
  level: "row" | "subtotal" | "total";
  ministryId: number | null;
  ministryCode: string | null;
  ministryNameLv: string | null;
  ministryNameEn: string | null;
  programmeId: number | null;
  programmeCode: string | null;
  organizationId: number | null;
  acronym: string | null;
  organizationNameLv: string | null;
  organizationNameEn: string | null;
  lineCount: number;
  plannedEur: string;
  assessedEur: string;
  paidEur: string;
  outstandingEur: string;
  /** assessed − planned */
  varianceEur: string;
  /** (assessed − planned) / planned × 100, rounded to 1 decimal; null when planned = 0. */
  variancePct: string | null;
}

interface RawBudgetRow {
  level: BudgetRow["level"];
  ministry_id: number | null;
  ministry_code: string | null;
  ministry_name_lv: string | null;
  ministry_name_en: string | null;
  programme_id: number | null;
  programme_code: string | null;
  organization_id: number | null;
  acronym: string | null;
  organization_name_lv: string | null;
  organization_name_en: string | null;
  line_count: number;
  planned_eur: string;
  assessed_eur: string;
  paid_eur: string;
  outstanding_eur: string;
  variance_eur: string;
  variance_pct: string | null;
}

const toBudgetRow = (r: RawBudgetRow): BudgetRow => ({
  level: r.level,
  ministryId: r.ministry_id === null ? null : Number(r.ministry_id),
  ministryCode: r.ministry_code,
  ministryNameLv: r.ministry_name_lv,
  ministryNameEn: r.ministry_name_en,
  programmeId: r.programme_id === null ? null : Number(r.programme_id),
  programmeCode: r.programme_code,
  organizationId: r.organization_id === null ? null : Number(r.organization_id),
  acronym: r.acronym,
  organizationNameLv: r.organization_name_lv,
  organizationNameEn: r.organization_name_en,
  lineCount: Number(r.line_count),
  plannedEur: r.planned_eur,
  assessedEur: r.assessed_eur,
  paidEur: r.paid_eur,
  outstandingEur: r.outstanding_eur,
  varianceEur: r.variance_eur,
  variancePct: r.variance_pct,
});

function budgetQuery(by: "ministry" | "programme" | "organization", filters: ReportFilters): SQL {
  const lines = linesCte(filters);
  if (by === "organization") {
    return sql`with ${lines},
      s as (select l.organization_id, grouping(l.organization_id) as g, ${budgetSums} from line l group by grouping sets ((l.organization_id), ()))
      select case when s.g = 1 then 'total' else 'row' end as level,
        null::int as ministry_id, null::text as ministry_code, null::text as ministry_name_lv, null::text as ministry_name_en,
        null::int as programme_id, null::text as programme_code,
        s.organization_id, o.acronym, o.name_lv as organization_name_lv, o.name_en as organization_name_en, ${budgetColumns}
      from s left join organizations o on o.id = s.organization_id
      order by s.g, ${latvianSortKey(sql`o.acronym`)}, s.organization_id`;
  }
  if (by === "ministry") {
    return sql`with ${lines},
      s as (select l.paying_ministry_id, grouping(l.paying_ministry_id) as g, ${budgetSums} from line l group by grouping sets ((l.paying_ministry_id), ()))
      select case when s.g = 1 then 'total' else 'row' end as level,
        s.paying_ministry_id as ministry_id, m.code as ministry_code, m.name_lv as ministry_name_lv, m.name_en as ministry_name_en,
        null::int as programme_id, null::text as programme_code,
        null::int as organization_id, null::text as acronym, null::text as organization_name_lv, null::text as organization_name_en, ${budgetColumns}
      from s left join ministries m on m.id = s.paying_ministry_id
      order by s.g, s.paying_ministry_id is null, ${latvianSortKey(sql`m.name_lv`)}, s.paying_ministry_id`;
  }
  // By programme: each ministry's programmes (lines without one last), then that ministry's subtotal; the total last.
  return sql`with ${lines},
    s as (
      select l.paying_ministry_id, l.budget_programme_id,
        grouping(l.paying_ministry_id) as gm, grouping(l.budget_programme_id) as gp, ${budgetSums}
      from line l
      group by grouping sets ((l.paying_ministry_id, l.budget_programme_id), (l.paying_ministry_id), ())
    )
    select case when s.gm = 1 then 'total' when s.gp = 1 then 'subtotal' else 'row' end as level,
      s.paying_ministry_id as ministry_id, m.code as ministry_code, m.name_lv as ministry_name_lv, m.name_en as ministry_name_en,
      s.budget_programme_id as programme_id, bp.code as programme_code,
      null::int as organization_id, null::text as acronym, null::text as organization_name_lv, null::text as organization_name_en, ${budgetColumns}
    from s
    left join ministries m on m.id = s.paying_ministry_id
    left join budget_programmes bp on bp.id = s.budget_programme_id
    order by s.gm, s.paying_ministry_id is null, ${latvianSortKey(sql`m.name_lv`)}, s.paying_ministry_id,
      s.gp, s.budget_programme_id is null, bp.code, s.budget_programme_id`;
}

/**
 * by "ministry": a row per paying ministry (and one with ministryId null when lines have none), then the total.
 * by "programme": per ministry its programmes' rows, then that ministry's subtotal; the grand total last.
 * by "organization": a row per organization, then the total. Cancelled lines never count.
 * Subtotals and totals are the database's own sums of the lines (GROUPING SETS), not sums of rounded rows.
 */
export async function budgetReport({
  by,
  filters,
  db = defaultDb,
}: {
  by: "ministry" | "programme" | "organization";
  filters: ReportFilters;
  db?: Reader;
}): Promise<BudgetRow[]> {
  return rowsOf<RawBudgetRow>(await db.execute(budgetQuery(by, filters))).map(toBudgetRow);
}

// ── Year over year ───────────────────────────────────────────────────────────────────────────────

export interface YearOverYearReport {
  /** from..to ascending */
  years: number[];
  rows: {
    organizationId: number;
    acronym: string;
    nameLv: string;
    nameEn: string;
    totals: (string | null)[];
    changeEur: (string | null)[];
    changePct: (string | null)[];
  }[];
  total: { totals: string[]; changeEur: (string | null)[]; changePct: (string | null)[] };
}

/** Change in per cent of the previous total, rounded once to one decimal; null without both totals or when the previous is zero. */
export function changePercent(current: string | null, previous: string | null): string | null {
  if (current === null || previous === null) return null;
  const before = toDecimal(previous);
  if (before.isZero()) return null;
  return toDecimal(current).minus(before).times(100).div(before).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
}

/**
 * EUR totals per organization for each year from `from` to `to` with the change against the year before
 * (the year before `from` is read too): yearMatrix's sums, its change in EUR, and the change in per cent
 * computed here from the exact totals (the matrix's ratio is already rounded to 4 decimals).
 */
export async function yearOverYearReport({
  from,
  to,
  filters,
  db = defaultDb,
}: {
  from: number;
  to: number;
  filters: Omit<ReportFilters, "year">;
  db?: Reader;
}): Promise<YearOverYearReport> {
  const matrix = await yearMatrix({ query: { from: from - 1, to, ministryId: filters.ministryId, kind: filters.kind }, scopeMinistryId: filters.scopeMinistryId, db });
  // The matrix was asked from `from − 1` so that each first column has its previous total at hand.
  const shown = (cells: YearCell[]) => cells.filter((cell) => cell.year >= from);
  const years = matrix.years.filter((year) => year >= from);
  const previousOf = (cells: YearCell[], year: number) =>
    cells.find((cell) => cell.year === year - 1)?.totalEur ?? null;
  const rows = matrix.rows
    .filter((row) => row.cells.some((cell) => cell.year >= from && cell.lines > 0))
    .map((row) => ({
      organizationId: row.organizationId,
      acronym: row.acronym,
      nameLv: row.nameLv,
      nameEn: row.nameEn,
      totals: shown(row.cells).map((cell) => cell.totalEur),
      changeEur: shown(row.cells).map((cell) => cell.change?.eur ?? null),
      changePct: shown(row.cells).map((cell) => changePercent(cell.totalEur, previousOf(row.cells, cell.year))),
    }));
  const totalCells = shown(matrix.totals);
  return {
    years,
    rows,
    total: {
      totals: totalCells.map((cell) => cell.totalEur ?? "0.00"),
      changeEur: totalCells.map((cell) => cell.change?.eur ?? null),
      changePct: totalCells.map((cell) => changePercent(cell.totalEur, previousOf(matrix.totals, cell.year))),
    },
  };
}

// ── Status per organization ──────────────────────────────────────────────────────────────────────

/** The way the UN reports its members: per organization, then a total row. */
export interface StatusRow {
  level: "row" | "total";
  organizationId: number | null;
  acronym: string | null;
  nameLv: string | null;
  nameEn: string | null;
  assessedEur: string;
  paidEur: string;
  outstandingEur: string;
  /** null on the total row */
  state: "paid" | "part_paid" | "no_payment" | null;
  /** Some line past its due date and not paid. */
  overdue: boolean;
  /** Outstanding of the overdue lines. */
  overdueEur: string;
}

/**
 * Assessed, paid and outstanding per organization. The state: nothing paid is "no_payment"; something
 * paid and nothing outstanding is "paid" (in full); otherwise "part_paid". Overdue as the grid has it:
 * due before today in Riga and not paid (cancelled lines are not counted at all).
 */
export async function statusReport({ filters, db = defaultDb }: { filters: ReportFilters; db?: Reader }): Promise<StatusRow[]> {
  const result = await db.execute(sql`with ${linesCte(filters)},
    s as (
      select l.organization_id, grouping(l.organization_id) as g,
        coalesce(sum(l.amount_eur), 0)::numeric(18,2) as assessed,
        coalesce(sum(l.paid), 0)::numeric(18,2) as paid,
        coalesce(sum(l.outstanding), 0)::numeric(18,2) as outstanding,
        coalesce(bool_or(l.due_date < ${todayInRiga} and l.status <> 'paid'), false) as overdue,
        coalesce(sum(l.outstanding) filter (where l.due_date < ${todayInRiga} and l.status <> 'paid'), 0)::numeric(18,2) as overdue_eur
      from line l
      group by grouping sets ((l.organization_id), ())
    )
    select case when s.g = 1 then 'total' else 'row' end as level,
      s.organization_id, o.acronym, o.name_lv, o.name_en,
      s.assessed::text as assessed_eur, s.paid::text as paid_eur, s.outstanding::text as outstanding_eur,
      case when s.g = 1 then null when s.paid = 0 then 'no_payment' when s.outstanding = 0 then 'paid' else 'part_paid' end as state,
      s.overdue, s.overdue_eur::text as overdue_eur
    from s left join organizations o on o.id = s.organization_id
    order by s.g, ${latvianSortKey(sql`o.acronym`)}, s.organization_id`);
  return rowsOf<{
    level: StatusRow["level"];
    organization_id: number | null;
    acronym: string | null;
    name_lv: string | null;
    name_en: string | null;
    assessed_eur: string;
    paid_eur: string;
    outstanding_eur: string;
    state: StatusRow["state"];
    overdue: boolean;
    overdue_eur: string;
  }>(result).map((r) => ({
    level: r.level,
    organizationId: r.organization_id === null ? null : Number(r.organization_id),
    acronym: r.acronym,
    nameLv: r.name_lv,
    nameEn: r.name_en,
    assessedEur: r.assessed_eur,
    paidEur: r.paid_eur,
    outstandingEur: r.outstanding_eur,
    state: r.state,
    overdue: r.overdue === true,
    overdueEur: r.overdue_eur,
  }));
}

// ── Completeness ─────────────────────────────────────────────────────────────────────────────────

export type MissingField = "amount" | "currency" | "programme" | "payingMinistry";

export interface CompletenessReport {
  lines: { id: number; acronym: string; kind: ContributionKind; missing: MissingField[] }[];
  organizationsWithoutLead: { id: number; acronym: string; nameLv: string; nameEn: string }[];
  /** A used non-EUR currency without a rate row for that year. */
  missingRates: { year: number; currency: string; lineCount: number }[];
}

/**
 * What stands between the year's figures and a complete report: lines without an amount, currency,
 * programme or paying ministry; active organizations without a current lead ministry (with a ministry
 * filter, scope or kind chosen: only those with lines in the filtered year, so a scoped user sees their
 * own); and non-EUR currencies the year's lines use with no rate for the year (a fixed-rate currency: none
 * up to the year, as rateFor picks it).
 */
export async function completenessReport({ filters, db = defaultDb }: { filters: ReportFilters; db?: Reader }): Promise<CompletenessReport> {
  const where = lineFilter(filters, sql`c.year = ${filters.year}`);
  const narrowed = filters.scopeMinistryId !== null || filters.ministryId !== null || filters.kind !== null;
  const [lines, organizations, rates] = await Promise.all([
    db.execute(sql`
      select c.id, o.acronym, c.kind,
        c.amount is null as no_amount, c.currency is null as no_currency,
        c.budget_programme_id is null as no_programme, c.paying_ministry_id is null as no_ministry
      from contributions c join organizations o on o.id = c.organization_id
      where ${where} and (c.amount is null or c.currency is null or c.budget_programme_id is null or c.paying_ministry_id is null)
      order by ${latvianSortKey(sql`o.acronym`)}, c.kind, c.id`),
    db.execute(sql`
      select o.id, o.acronym, o.name_lv, o.name_en
      from organizations o
      where o.archived_at is null
        and not exists (select 1 from organization_responsibilities r where r.organization_id = o.id and r.role = 'lead' and r.valid_to is null)
        ${narrowed ? sql`and exists (select 1 from contributions c where c.organization_id = o.id and ${where})` : sql``}
      order by ${latvianSortKey(sql`o.acronym`)}, o.id`),
    db.execute(sql`
      select c.year, c.currency, count(*)::int as line_count
      from contributions c join currencies cur on cur.code = c.currency
      where ${where} and c.currency <> 'EUR'
        and not exists (
          select 1 from exchange_rates r
          where r.currency = c.currency and (case when cur.fixed_rate then r.year <= c.year else r.year = c.year end)
        )
      group by c.year, c.currency
      order by c.currency`),
  ]);
  return {
    lines: rowsOf<{ id: number; acronym: string; kind: ContributionKind; no_amount: boolean; no_currency: boolean; no_programme: boolean; no_ministry: boolean }>(lines).map(
      (r) => ({
        id: Number(r.id),
        acronym: r.acronym,
        kind: r.kind,
        missing: (
          [
            [r.no_amount, "amount"],
            [r.no_currency, "currency"],
            [r.no_programme, "programme"],
            [r.no_ministry, "payingMinistry"],
          ] as const
        )
          .filter(([missing]) => missing)
          .map(([, field]) => field),
      }),
    ),
    organizationsWithoutLead: rowsOf<{ id: number; acronym: string; name_lv: string; name_en: string }>(organizations).map((r) => ({
      id: Number(r.id),
      acronym: r.acronym,
      nameLv: r.name_lv,
      nameEn: r.name_en,
    })),
    missingRates: rowsOf<{ year: number; currency: string; line_count: number }>(rates).map((r) => ({
      year: Number(r.year),
      currency: r.currency,
      lineCount: Number(r.line_count),
    })),
  };
}
