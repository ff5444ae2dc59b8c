import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { ActionContext } from "@/lib/action";
import { ActionError } from "@/lib/errors";
import { db as defaultDb, type Db, type Tx } from "../index";
import { currencies, exchangeRates, payments, users, type Contribution, type Payment } from "../schema";
import { lockContribution, refreshContributionStatus } from "./contribution-writes";
import { assertYearOpen, contributionRow, convertToEur, rateFor, type SavedContributionRow } from "./contributions";
import { changedKeys, updateVersioned } from "./versioned";

type Reader = Db | Tx;
type Audit = ActionContext["audit"];

/** One instalment as the payments panel shows it. */
export interface PaymentRow {
  id: number;
  version: number;
  paidOn: string;
  amount: string;
  currency: string;
  exchangeRateId: number | null;
  /** Units of the currency per euro of the rate row the EUR amount was computed with; null for EUR. */
  rate: string | null;
  amountEur: string;
  notes: string | null;
  updatedAt: string;
  updatedByName: string | null;
}

function paymentSelect(db: Reader) {
  return db
    .select({
      id: payments.id,
      version: payments.version,
      paidOn: payments.paidOn,
      amount: payments.amount,
      currency: payments.currency,
      exchangeRateId: payments.exchangeRateId,
      rate: sql<string | null>`${exchangeRates.unitsPerEur}::text`,
      amountEur: payments.amountEur,
      notes: payments.notes,
      updatedAt: sql<string>`to_char(${payments.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
      updatedByName: users.name,
    })
    .from(payments)
    .leftJoin(exchangeRates, eq(exchangeRates.id, payments.exchangeRateId))
    .leftJoin(users, eq(users.id, payments.updatedBy));
}

/** A contribution's instalments, oldest first. */
export async function listPayments(db: Reader, contributionId: number): Promise<PaymentRow[]> {
  return paymentSelect(db).where(eq(payments.contributionId, contributionId)).orderBy(asc(payments.paidOn), asc(payments.id));
}

export async function paymentRow(db: Reader, id: number): Promise<PaymentRow | null> {
  const [row] = await paymentSelect(db).where(eq(payments.id, id));
  return row ?? null;
}

/** The contribution a payment belongs to (the action's scope is that contribution's paying ministry). */
export async function paymentContributionId(db: Reader, paymentId: number): Promise<number | null> {
  const [row] = await db.select({ contributionId: payments.contributionId }).from(payments).where(eq(payments.id, paymentId));
  return row?.contributionId ?? null;
}

/**
 * Currencies a payment of `year` can be entered in: EUR and every active currency with a budget rate for
 * that year (the others would only be refused with "noRate").
 */
export async function paymentCurrencies(db: Reader, year: number): Promise<string[]> {
  const active = await db.select({ code: currencies.code }).from(currencies).where(eq(currencies.active, true)).orderBy(asc(currencies.code));
  const usable = await Promise.all(active.map(async ({ code }) => (code === "EUR" || (await rateFor(db, code, year)) ? code : null)));
  return ["EUR", ...usable.filter((code): code is string => code !== null && code !== "EUR")];
}

/** A contribution as the grid shows it, with its instalments and the currencies a new one may be paid in. */
export interface ContributionPayments {
  row: SavedContributionRow;
  payments: PaymentRow[];
  currencies: string[];
}

export async function contributionPayments({ id, db = defaultDb }: { id: number; db?: Reader }): Promise<ContributionPayments | null> {
  const row = await contributionRow(db, id);
  if (!row) return null;
  const [list, currencyCodes] = await Promise.all([listPayments(db, id), paymentCurrencies(db, row.year)]);
  return { row, payments: list, currencies: currencyCodes };
}

export interface PaymentValues {
  paidOn: string;
  amount: string;
  /** null: the contribution's own currency. */
  currency: string | null;
  notes: string | null;
}

// ── Writes ───────────────────────────────────────────────────────────────────────────────────────

/** Locks a payment of this contribution and checks the version the editor saw. */
async function lockPayment(tx: Tx, contributionId: number, id: number, version: number): Promise<Payment> {
  const [row] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.id, id), eq(payments.contributionId, contributionId)))
    .for("update");
  if (!row) throw new ActionError("not_found");
  if (row.version !== version) throw new ActionError("conflict", { current: await paymentRow(tx, id) });
  return row;
}

function refuseCancelled(contribution: Contribution): void {
  if (contribution.status === "cancelled") throw new ActionError("invalid", { fieldErrors: { _form: ["paymentCancelled"] } });
}

/**
 * The stored figures of a payment. It is converted with the rate of the contribution's budget year, the
 * same row the contribution's own EUR amount came from: paying the billed amount in the billed currency
 * then clears the line to the cent, whenever in the year (or after it) the money left.
 */
async function paymentFigures(tx: Tx, contribution: Contribution, values: PaymentValues) {
  const currency = values.currency ?? contribution.currency;
  if (!currency) throw new ActionError("invalid", { fieldErrors: { currency: ["required"] } });
  const [known] = await tx.select({ code: currencies.code }).from(currencies).where(and(eq(currencies.code, currency), eq(currencies.active, true)));
  if (!known) throw new ActionError("invalid", { fieldErrors: { currency: ["choice"] } });
  const converted = await convertToEur(tx, values.amount, currency, contribution.year);
  if (!converted) throw new ActionError("invalid", { fieldErrors: { currency: ["noRate"] } });
  return { paidOn: values.paidOn, amount: values.amount, currency, notes: values.notes, ...converted };
}

/** What the contribution's history keeps of a payment. */
function audited(payment: Payment | null) {
  if (!payment) return null;
  const { id, paidOn, amount, currency, exchangeRateId, amountEur, notes } = payment;
  return { payment: { id, paidOn, amount, currency, exchangeRateId, amountEur, notes } };
}

// Payments are written against their contribution in the log: its History shows them with its own changes.
const auditEntry = (action: string, contributionId: number, before: Payment | null, after: Payment | null) => ({
  action,
  entity: "contributions",
  entityId: contributionId,
  before: audited(before),
  after: audited(after),
});

export async function insertPayment(tx: Tx, audit: Audit, userId: number, contributionId: number, values: PaymentValues): Promise<PaymentRow> {
  const contribution = await lockContribution(tx, contributionId);
  await assertYearOpen(tx, contribution.year);
  refuseCancelled(contribution);
  const figures = await paymentFigures(tx, contribution, values);
  const [row] = await tx
    .insert(payments)
    .values({ contributionId, ...figures, createdBy: userId, updatedBy: userId })
    .returning();
  await audit(auditEntry("add_payment", contributionId, null, row!));
  await refreshContributionStatus(tx, audit, userId, contributionId);
  return (await paymentRow(tx, row!.id))!;
}

/**
 * Saving unchanged values writes nothing and keeps the version (an idle "Save" never conflicts later). The
 * EUR figure is converted again only when the amount or currency changes: correcting a date or a note
 * never moves a stored conversion onto a newer rate row.
 */
export async function updatePayment(
  tx: Tx,
  audit: Audit,
  userId: number,
  contributionId: number,
  id: number,
  version: number,
  values: PaymentValues,
): Promise<PaymentRow> {
  const contribution = await lockContribution(tx, contributionId);
  await assertYearOpen(tx, contribution.year);
  const before = await lockPayment(tx, contributionId, id, version);
  refuseCancelled(contribution);
  const currency = values.currency ?? contribution.currency;
  const moneyChanged = changedKeys(before, { amount: values.amount, currency: currency ?? undefined }).length > 0;
  const set = moneyChanged ? await paymentFigures(tx, contribution, values) : { paidOn: values.paidOn, notes: values.notes };
  if (changedKeys(before, set).length === 0) return (await paymentRow(tx, id))!;
  const after = await updateVersioned(tx, payments, id, { ...set, updatedBy: userId });
  await audit(auditEntry("update_payment", contributionId, before, after));
  await refreshContributionStatus(tx, audit, userId, contributionId);
  return (await paymentRow(tx, id))!;
}

export async function deletePayment(tx: Tx, audit: Audit, userId: number, contributionId: number, id: number, version: number): Promise<void> {
  const contribution = await lockContribution(tx, contributionId);
  await assertYearOpen(tx, contribution.year);
  const before = await lockPayment(tx, contributionId, id, version);
  await tx.delete(payments).where(eq(payments.id, id));
  await audit(auditEntry("delete_payment", contributionId, before, null));
  await refreshContributionStatus(tx, audit, userId, contributionId);
}
