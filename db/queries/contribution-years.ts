import "server-only";
import Decimal from "decimal.js";
import { and, asc, between, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { ActionContext } from "@/lib/action";
import { ActionError } from "@/lib/errors";
import { toDecimal } from "@/lib/money";
import { db as defaultDb, type Db, type Tx } from "../index";
import { budgetProgrammes, contributions, organizations, type Contribution, type ContributionKind } from "../schema";
import { assertYearOpen, notCancelled } from "./contributions";
import { latvianSortKey } from "./table";

type Reader = Db | Tx;
type Audit = ActionContext["audit"];

// ── Organizations × years ────────────────────────────────────────────────────────────────────────

export interface YearChange {
  /** Total less the previous year's total, exact to the cent. */
  eur: string;
  /** Relative change as a fraction (0.125 = +12.5 %), to 4 decimals; null when the previous total is zero. */
  ratio: string | null;
}

export interface YearCell {
  year: number;
  /** Sum of the stored EUR amounts of the non-cancelled lines; null when none has an amount yet. */
  totalEur: string | null;
  lines: number;
  /** null when this or the previous year has no EUR total to compare. */
  change: YearChange | null;
}

export interface YearMatrixRow {
  organizationId: number;
  acronym: string;
  nameLv: string;
  nameEn: string;
  cells: YearCell[];
}

export interface YearMatrix {
  years: number[];
  rows: YearMatrixRow[];
  totals: YearCell[];
}

export interface YearMatrixQuery {
  from: number;
  to: number;
  ministryId?: number | null;
  kind?: ContributionKind | null;
}

/** Change against the previous year, in decimal arithmetic: never through a float. */
export function yearChange(current: string | null, previous: string | null): YearChange | null {
  if (current === null || previous === null) return null;
  const [now, before] = [toDecimal(current), toDecimal(previous)];
  const eur = now.minus(before);
  return {
    eur: eur.toFixed(2),
    ratio: before.isZero() ? null : eur.div(before).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4),
  };
}

function withChanges(years: number[], totals: Map<number, { totalEur: string | null; lines: number }>): YearCell[] {
  return years.map((year) => {
    const own = totals.get(year);
    const previous = totals.get(year - 1);
    return {
      year,
      totalEur: own?.totalEur ?? null,
      lines: own?.lines ?? 0,
      change: yearChange(own?.totalEur ?? null, previous?.totalEur ?? null),
    };
  });
}

/**
 * EUR totals per organization and year from `from` to `to`, summed by the database over the stored
 * (rounded) lines, cancelled ones left out; the year before `from` is read too, so that the first column
 * has its change. `scopeMinistryId` limits a ministry-scoped user to what their ministry pays.
 */
export async function yearMatrix({
  query,
  scopeMinistryId = null,
  db = defaultDb,
}: {
  query: YearMatrixQuery;
  scopeMinistryId?: number | null;
  db?: Reader;
}): Promise<YearMatrix> {
  const where: (SQL | undefined)[] = [between(contributions.year, query.from - 1, query.to), notCancelled];
  if (scopeMinistryId !== null) where.push(eq(contributions.payingMinistryId, scopeMinistryId));
  if (query.ministryId) where.push(eq(contributions.payingMinistryId, query.ministryId));
  if (query.kind) where.push(eq(contributions.kind, query.kind));
  const filter = and(...where);

  const [cells, yearTotals] = await Promise.all([
    db
      .select({
        organizationId: contributions.organizationId,
        acronym: organizations.acronym,
        nameLv: organizations.nameLv,
        nameEn: organizations.nameEn,
        year: contributions.year,
        totalEur: sql<string | null>`sum(${contributions.amountEur})::numeric(18,2)::text`,
        lines: sql<number>`count(*)::int`,
      })
      .from(contributions)
      .innerJoin(organizations, eq(organizations.id, contributions.organizationId))
      .where(filter)
      .groupBy(contributions.organizationId, organizations.acronym, organizations.nameLv, organizations.nameEn, contributions.year)
      .orderBy(latvianSortKey(organizations.acronym), asc(contributions.organizationId), asc(contributions.year)),
    // The totals row is its own sum of the stored lines, not a sum of the rounded-per-cell figures above
    // (the same here, as the lines are stored in cents; a report must not depend on that).
    db
      .select({
        year: contributions.year,
        totalEur: sql<string | null>`sum(${contributions.amountEur})::numeric(18,2)::text`,
        lines: sql<number>`count(*)::int`,
      })
      .from(contributions)
      .where(filter)
      .groupBy(contributions.year),
  ]);

  const years = Array.from({ length: query.to - query.from + 1 }, (_, i) => query.from + i);
  const byOrganization = new Map<number, { row: Omit<YearMatrixRow, "cells">; totals: Map<number, { totalEur: string | null; lines: number }> }>();
  for (const cell of cells) {
    let entry = byOrganization.get(cell.organizationId);
    if (!entry) {
      entry = {
        row: { organizationId: cell.organizationId, acronym: cell.acronym, nameLv: cell.nameLv, nameEn: cell.nameEn },
        totals: new Map(),
      };
      byOrganization.set(cell.organizationId, entry);
    }
    entry.totals.set(cell.year, { totalEur: cell.totalEur, lines: cell.lines });
  }
  const rows = [...byOrganization.values()]
    // The year before the range was read only for the change: an organization with nothing in the range is not shown.
    .filter((entry) => years.some((year) => entry.totals.has(year)))
    .map((entry) => ({ ...entry.row, cells: withChanges(years, entry.totals) }));
  const totals = withChanges(years, new Map(yearTotals.map((t) => [t.year, { totalEur: t.totalEur, lines: t.lines }])));
  return { years, rows, totals };
}

// ── Prepare next year ────────────────────────────────────────────────────────────────────────────

/** The lines "prepare next year" would copy from `year`: not cancelled, of one ministry or all. */
function copyFilter(year: number, ministryId: number | null): SQL | undefined {
  return and(eq(contributions.year, year), notCancelled, ministryId === null ? undefined : eq(contributions.payingMinistryId, ministryId));
}

/** How many lines "prepare next year" would copy, for its confirmation. */
export async function preparableLineCount({ year, ministryId, db = defaultDb }: { year: number; ministryId: number | null; db?: Reader }): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(contributions).where(copyFilter(year, ministryId));
  return row?.n ?? 0;
}

/** A due date a year on; 29 February becomes 28 February. */
export function dueDateNextYear(date: string | null): string | null {
  if (date === null) return null;
  const [year, month, day] = date.split("-");
  return `${Number(year) + 1}-${month}-${month === "02" && day === "29" ? "28" : day}`;
}

// The fields of a copied line recorded in its audit row.
const COPIED = [
  "year",
  "organizationId",
  "kind",
  "payingMinistryId",
  "budgetProgrammeId",
  "currency",
  "amount",
  "amountEur",
  "plannedEur",
  "dueDate",
  "status",
  "cabinetOrder",
] as const satisfies readonly (keyof Contribution)[];

const lineKey = (line: Pick<Contribution, "organizationId" | "kind" | "payingMinistryId" | "currency">) =>
  `${line.organizationId}|${line.kind}|${line.payingMinistryId ?? ""}|${line.currency ?? ""}`;

/**
 * Copies year Y's lines (of one paying ministry, or all) into Y+1 as planned lines: the same organization,
 * kind, paying ministry and currency; the budget programme while it is still in force; planned EUR = the
 * line's EUR amount (its plan while it has none); the due date a year on; no amount, no Cabinet order.
 * All or nothing: refused when Y+1 is closed, or already holds a line with the key of one to copy.
 * One audit row per new line, naming the line it was copied from.
 */
export async function prepareNextYear(
  tx: Tx,
  audit: Audit,
  userId: number,
  { fromYear, ministryId }: { fromYear: number; ministryId: number | null },
): Promise<{ created: number }> {
  const nextYear = fromYear + 1;
  await assertYearOpen(tx, nextYear);
  // Two preparations of the same year queue here, so the second sees the first one's lines and is refused.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('contributions.prepare_next_year'), ${nextYear})`);

  // Shared locks: the copied figures cannot change under the copy.
  const source = await tx.select().from(contributions).where(copyFilter(fromYear, ministryId)).orderBy(asc(contributions.id)).for("share");
  if (source.length === 0) throw new ActionError("invalid", { fieldErrors: { _form: ["nothingToCopy"] } });

  const organizationIds = [...new Set(source.map((line) => line.organizationId))];
  const existing = await tx
    .select({
      organizationId: contributions.organizationId,
      kind: contributions.kind,
      payingMinistryId: contributions.payingMinistryId,
      currency: contributions.currency,
    })
    .from(contributions)
    .where(and(eq(contributions.year, nextYear), inArray(contributions.organizationId, organizationIds)));
  const taken = new Set(existing.map(lineKey));
  if (source.some((line) => taken.has(lineKey(line)))) throw new ActionError("invalid", { fieldErrors: { _form: ["rowsExist"] } });

  const programmeIds = [...new Set(source.map((line) => line.budgetProgrammeId).filter((id): id is number => id !== null))];
  const inForce = new Set(
    programmeIds.length === 0
      ? []
      : (
          await tx
            .select({ id: budgetProgrammes.id })
            .from(budgetProgrammes)
            .where(
              and(
                inArray(budgetProgrammes.id, programmeIds),
                sql`${budgetProgrammes.validFromYear} <= ${nextYear}`,
                sql`(${budgetProgrammes.validToYear} is null or ${budgetProgrammes.validToYear} >= ${nextYear})`,
              ),
            )
        ).map((p) => p.id),
  );

  // One insert per line (not one multi-row insert) so that each audit row names its source without
  // relying on the order in which PostgreSQL returns the inserted rows.
  for (const line of source) {
    const [row] = await tx
      .insert(contributions)
      .values({
        organizationId: line.organizationId,
        year: nextYear,
        kind: line.kind,
        payingMinistryId: line.payingMinistryId,
        budgetProgrammeId: line.budgetProgrammeId !== null && inForce.has(line.budgetProgrammeId) ? line.budgetProgrammeId : null,
        currency: line.currency,
        plannedEur: line.amountEur ?? line.plannedEur,
        dueDate: dueDateNextYear(line.dueDate),
        status: "planned",
        createdBy: userId,
        updatedBy: userId,
      })
      .returning();
    const after = { ...Object.fromEntries(COPIED.map((key) => [key, row![key]])), copiedFrom: line.id };
    await audit({ action: "prepare_next_year", entity: "contributions", entityId: row!.id, after });
  }
  return { created: source.length };
}
