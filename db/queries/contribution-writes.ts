import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { SETTABLE_STATUSES, type CellField, type CellValue } from "@/app/(app)/contributions/schemas";
import type { ActionContext } from "@/lib/action";
import { ActionError, type FieldErrors } from "@/lib/errors";
import type { Tx } from "../index";
import {
  budgetProgrammes,
  contributions,
  currencies,
  ministries,
  organizations,
  type Contribution,
  type ContributionKind,
  type ContributionStatus,
} from "../schema";
import {
  assertYearOpen,
  contributionRows,
  convertToEur,
  derivedStatus,
  paidEurOf,
  type ContributionRow,
} from "./contributions";
import { deleteVersioned } from "./versioned";

type Audit = ActionContext["audit"];

export interface ParsedCell {
  /** Position in the request, for the field message `cells.<index>`. */
  index: number;
  id: number;
  version: number;
  field: CellField;
  value: CellValue;
}

type ContributionSet = Partial<
  Pick<
    Contribution,
    | "kind"
    | "payingMinistryId"
    | "budgetProgrammeId"
    | "currency"
    | "amount"
    | "exchangeRateId"
    | "amountEur"
    | "plannedEur"
    | "dueDate"
    | "status"
    | "cabinetOrder"
  >
>;

// The audited fields of a contribution: what a person changes and what follows from it.
const AUDITED = ["kind", "payingMinistryId", "budgetProgrammeId", "currency", "amount", "exchangeRateId", "amountEur", "plannedEur", "dueDate", "status", "cabinetOrder"] as const;

function pick(row: Contribution, keys: readonly (keyof Contribution)[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, row[key]]));
}

/** Locks the contributions in id order (two pastes over the same rows cannot deadlock). */
async function lockContributions(tx: Tx, ids: readonly number[]): Promise<Map<number, Contribution>> {
  const rows = await tx
    .select()
    .from(contributions)
    .where(inArray(contributions.id, [...new Set(ids)]))
    .orderBy(asc(contributions.id))
    .for("update");
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Locks one line. Payment writes lock it before their own row, as refreshContributionStatus does before it
 * sums the payments: one lock order, so two of them never deadlock and the derived status always sees the
 * other's committed payment.
 * With `version`, a different one answers "conflict" with the line as saved now, and nothing is written.
 */
export async function lockContribution(tx: Tx, id: number, version: number | null = null): Promise<Contribution> {
  const [row] = (await lockContributions(tx, [id])).values();
  if (!row) throw new ActionError("not_found");
  if (version !== null && row.version !== version) throw new ActionError("conflict", { current: { rows: await contributionRows(tx, [id]) } });
  return row;
}

/**
 * Writes a block of cell edits: all of them, or none. Checks every row's version (a stale one answers
 * "conflict" with the rows as saved now), the fiscal year, and each value against the others of its row
 * (a programme of the paying ministry, a currency with a rate for the year, a status the payments allow);
 * every message is collected so a pasted block shows all its bad cells at once. Conversions use the newest
 * rate row of the year and record it. One audit row per changed contribution with the fields before and
 * after. Returns the changed rows as the grid shows them.
 */
export async function applyCellEdits({
  tx,
  audit,
  userId,
  cells,
  action = "update",
}: {
  tx: Tx;
  audit: Audit;
  userId: number;
  cells: readonly ParsedCell[];
  action?: string;
}): Promise<ContributionRow[]> {
  const locked = await lockContributions(tx, cells.map((c) => c.id));
  if (locked.size !== new Set(cells.map((c) => c.id)).size) throw new ActionError("not_found");

  const stale = [...new Set(cells.filter((c) => locked.get(c.id)?.version !== c.version).map((c) => c.id))];
  if (stale.length) throw new ActionError("conflict", { current: { rows: await contributionRows(tx, stale) } });

  for (const year of new Set([...locked.values()].map((row) => row.year))) await assertYearOpen(tx, year);

  const errors: FieldErrors = {};
  const fail = (cell: ParsedCell, message: string) => (errors[`cells.${cell.index}`] ??= []).push(message);

  // Group by row; a later cell of the same field wins (a paste never repeats one, an undo neither).
  const byRow = new Map<number, ParsedCell[]>();
  for (const cell of cells) byRow.set(cell.id, [...(byRow.get(cell.id) ?? []), cell]);

  const lookups = await referenceLookups(tx, cells);
  const plans: { before: Contribution; set: ContributionSet }[] = [];

  for (const [id, rowCells] of byRow) {
    const before = locked.get(id)!;
    const set: ContributionSet = {};
    const cellOf: Partial<Record<CellField, ParsedCell>> = {};
    for (const cell of rowCells) {
      cellOf[cell.field] = cell;
      (set as Record<string, unknown>)[cell.field] = cell.value;
    }
    const next = { ...before, ...set };
    const { paidEur, count: paymentCount } = await paidEurOf(tx, id);

    if (cellOf.payingMinistryId && !lookups.ministries.has(next.payingMinistryId as number)) fail(cellOf.payingMinistryId, "choice");
    // Another paying ministry pays from its own programme: the old one no longer fits.
    if (cellOf.payingMinistryId && !cellOf.budgetProgrammeId && next.payingMinistryId !== before.payingMinistryId) {
      set.budgetProgrammeId = null;
      next.budgetProgrammeId = null;
    }
    if (next.budgetProgrammeId !== null && (cellOf.budgetProgrammeId || cellOf.payingMinistryId)) {
      const programme = lookups.programmes.get(next.budgetProgrammeId);
      const cell = cellOf.budgetProgrammeId ?? cellOf.payingMinistryId!;
      if (!programme || programme.ministryId !== next.payingMinistryId) fail(cell, "programmeMinistry");
      else if (programme.validFromYear > next.year || (programme.validToYear !== null && programme.validToYear < next.year)) fail(cell, "programmeYear");
    }
    if (cellOf.currency && !lookups.currencies.has(next.currency as string)) fail(cellOf.currency, "choice");
    if (cellOf.amount && next.amount === null && paymentCount > 0) fail(cellOf.amount, "amountHasPayments");

    if ((cellOf.amount || cellOf.currency) && next.amount !== null && next.currency !== null && !errors[`cells.${(cellOf.currency ?? cellOf.amount)!.index}`]) {
      const converted = await convertToEur(tx, next.amount, next.currency, next.year);
      if (!converted) fail((cellOf.currency ?? cellOf.amount)!, "noRate");
      else {
        Object.assign(set, converted);
        Object.assign(next, converted);
      }
    } else if (cellOf.amount && next.amount === null) {
      Object.assign(set, { amountEur: null, exchangeRateId: null });
      Object.assign(next, { amountEur: null, exchangeRateId: null });
    }

    if (cellOf.status) {
      const wanted = next.status as ContributionStatus;
      if (!(SETTABLE_STATUSES as readonly string[]).includes(wanted)) fail(cellOf.status, "statusDerived");
      else if (paymentCount > 0) fail(cellOf.status, "statusHasPayments");
    }
    if (!cellOf.status || paymentCount > 0) {
      const status = derivedStatus(next.status as ContributionStatus, next.amountEur ?? null, paidEur);
      if (status !== next.status) set.status = next.status = status;
    }
    plans.push({ before, set });
  }

  if (Object.keys(errors).length) throw new ActionError("invalid", { fieldErrors: errors });

  for (const { before, set } of plans) {
    const keys = (Object.keys(set) as (keyof ContributionSet)[]).filter((key) => !same(before[key], set[key]));
    if (keys.length === 0) continue;
    const [after] = await tx
      .update(contributions)
      .set({ ...set, updatedBy: userId, version: sql`${contributions.version} + 1`, updatedAt: sql`now()` })
      .where(eq(contributions.id, before.id))
      .returning();
    const audited = AUDITED.filter((key) => keys.includes(key));
    await audit({ action, entity: "contributions", entityId: before.id, before: pick(before, audited), after: pick(after!, audited) });
  }
  // Rows that did not change are sent back too, so the grid drops its pending marks with the saved values.
  return contributionRows(tx, [...byRow.keys()]);
}

function same(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null) || String(a) === String(b);
}

/** The ministries, programmes and currencies a block refers to, loaded once for the whole block. */
async function referenceLookups(tx: Tx, cells: readonly ParsedCell[]) {
  const ids = (field: CellField) => cells.filter((c) => c.field === field && typeof c.value === "number").map((c) => c.value as number);
  const ministryIds = ids("payingMinistryId");
  const programmeIds = ids("budgetProgrammeId");
  const [mins, progs, curs] = await Promise.all([
    ministryIds.length
      ? tx.select({ id: ministries.id }).from(ministries).where(and(inArray(ministries.id, ministryIds), eq(ministries.active, true)))
      : [],
    // A new paying ministry re-checks the row's current programme as well.
    tx
      .select()
      .from(budgetProgrammes)
      .where(
        programmeIds.length
          ? sql`${budgetProgrammes.id} in ${programmeIds} or ${budgetProgrammes.id} in (select budget_programme_id from contributions where id in ${cells.map((c) => c.id)})`
          : sql`${budgetProgrammes.id} in (select budget_programme_id from contributions where id in ${cells.map((c) => c.id)})`,
      ),
    cells.some((c) => c.field === "currency")
      ? tx.select({ code: currencies.code }).from(currencies).where(eq(currencies.active, true))
      : [],
  ]);
  return {
    ministries: new Set(mins.map((m) => m.id)),
    programmes: new Map(progs.map((p) => [p.id, p])),
    currencies: new Set(curs.map((c) => c.code)),
  };
}

// ── Rows ─────────────────────────────────────────────────────────────────────────────────────────

export interface NewContribution {
  year: number;
  organizationId: number;
  kind: ContributionKind;
  payingMinistryId: number;
  budgetProgrammeId: number | null;
  currency: string;
}

/** A new, empty line (planned, no amount yet); the amounts are typed into the grid afterwards. */
export async function insertContribution(tx: Tx, audit: Audit, userId: number, values: NewContribution): Promise<ContributionRow> {
  await assertYearOpen(tx, values.year);
  const errors: FieldErrors = {};
  const [[org], [ministry], [currency], programme] = await Promise.all([
    tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, values.organizationId)),
    tx.select({ id: ministries.id }).from(ministries).where(and(eq(ministries.id, values.payingMinistryId), eq(ministries.active, true))),
    tx.select({ code: currencies.code }).from(currencies).where(and(eq(currencies.code, values.currency), eq(currencies.active, true))),
    values.budgetProgrammeId === null
      ? Promise.resolve(null)
      : tx.select().from(budgetProgrammes).where(eq(budgetProgrammes.id, values.budgetProgrammeId)).then(([p]) => p ?? null),
  ]);
  if (!org) errors.organizationId = ["choice"];
  if (!ministry) errors.payingMinistryId = ["choice"];
  if (!currency) errors.currency = ["choice"];
  if (values.budgetProgrammeId !== null) {
    if (!programme || programme.ministryId !== values.payingMinistryId) errors.budgetProgrammeId = ["programmeMinistry"];
    else if (programme.validFromYear > values.year || (programme.validToYear !== null && programme.validToYear < values.year))
      errors.budgetProgrammeId = ["programmeYear"];
  }
  if (Object.keys(errors).length) throw new ActionError("invalid", { fieldErrors: errors });

  const [row] = await tx
    .insert(contributions)
    .values({ ...values, status: "planned", createdBy: userId, updatedBy: userId })
    .returning();
  await audit({ action: "create", entity: "contributions", entityId: row!.id, after: pick(row!, ["year", "organizationId", ...AUDITED]) });
  const [shown] = await contributionRows(tx, [row!.id]);
  return shown!;
}

/** Cancels a line: it stays in the table (and the log) but counts towards no total. */
export async function cancelContribution(tx: Tx, audit: Audit, userId: number, id: number, version: number): Promise<ContributionRow> {
  const before = await lockContribution(tx, id, version);
  await assertYearOpen(tx, before.year);
  if ((await paidEurOf(tx, id)).count > 0) throw new ActionError("invalid", { fieldErrors: { _form: ["cancelHasPayments"] } });
  if (before.status !== "cancelled") {
    const [after] = await tx
      .update(contributions)
      .set({ status: "cancelled", updatedBy: userId, version: sql`${contributions.version} + 1`, updatedAt: sql`now()` })
      .where(eq(contributions.id, id))
      .returning();
    await audit({ action: "cancel", entity: "contributions", entityId: id, before: { status: before.status }, after: { status: after!.status } });
  }
  const [shown] = await contributionRows(tx, [id]);
  return shown!;
}

/** Deletes a line typed by mistake: only while it is planned and has no payments. */
export async function deleteContribution(tx: Tx, audit: Audit, id: number, version: number): Promise<void> {
  const row = await lockContribution(tx, id, version);
  await assertYearOpen(tx, row.year);
  if (row.status !== "planned") throw new ActionError("invalid", { fieldErrors: { _form: ["deleteNotPlanned"] } });
  if ((await paidEurOf(tx, id)).count > 0) throw new ActionError("invalid", { fieldErrors: { _form: ["deleteHasPayments"] } });
  await deleteVersioned({ tx, audit, table: contributions, id, version });
}

/**
 * After payments change: the status follows the paid sum (written and audited only when it moves).
 * Payments call this inside their own transaction.
 */
export async function refreshContributionStatus(tx: Tx, audit: Audit, userId: number, id: number): Promise<void> {
  const before = await lockContribution(tx, id);
  const { paidEur } = await paidEurOf(tx, id);
  const status = derivedStatus(before.status, before.amountEur, paidEur);
  if (status === before.status) return;
  await tx
    .update(contributions)
    .set({ status, updatedBy: userId, version: sql`${contributions.version} + 1`, updatedAt: sql`now()` })
    .where(eq(contributions.id, id));
  await audit({ action: "status_from_payments", entity: "contributions", entityId: id, before: { status: before.status }, after: { status } });
}
