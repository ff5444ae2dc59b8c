"use server";

import { contributionRow, contributionsScope, type SavedContributionRow } from "@/db/queries/contributions";
import {
  deletePayment as deletePaymentRow,
  insertPayment,
  listPayments,
  contributionPayments as contributionWithPayments,
  paymentContributionId,
  updatePayment as updatePaymentRow,
  type PaymentRow,
  type PaymentValues,
} from "@/db/queries/payments";
import type { Tx } from "@/db";
import { defineAction, type RecordScope } from "@/lib/action";
import { ActionError } from "@/lib/errors";
import { addPaymentSchema, deletePaymentSchema, loadPaymentsSchema, updatePaymentSchema, type PaymentFieldsOutput } from "./schemas";

// Payments follow their contribution: its paying ministry's editors, unscoped editors and admins keep them.
const EDITORS = ["admin", "editor"] as const;
const READERS = ["admin", "editor", "viewer"] as const;
const paths = (contributionId: number) => ["/contributions", `/contributions/${contributionId}`, "/"];

/** What every write answers: the contribution as the grid shows it (status, paid, outstanding) and its instalments. */
export interface PaymentsChange {
  row: SavedContributionRow;
  payments: PaymentRow[];
}

async function afterChange(tx: Tx, contributionId: number): Promise<PaymentsChange> {
  const [row, payments] = await Promise.all([contributionRow(tx, contributionId), listPayments(tx, contributionId)]);
  if (!row) throw new ActionError("not_found");
  return { row, payments };
}

/** A payment's scope is its contribution's, looked up from the payment row itself (never from the input). */
async function paymentScope(tx: Tx, paymentId: number): Promise<RecordScope> {
  const contributionId = await paymentContributionId(tx, paymentId);
  return contributionId === null ? null : contributionsScope(tx, [contributionId]);
}

async function contributionOfPayment(tx: Tx, paymentId: number): Promise<number> {
  const contributionId = await paymentContributionId(tx, paymentId);
  if (contributionId === null) throw new ActionError("not_found");
  return contributionId;
}

const values = (input: Omit<PaymentFieldsOutput, "contributionId">): PaymentValues => ({
  paidOn: input.paidOn,
  amount: input.amount,
  currency: input.currency,
  notes: input.notes,
});

/**
 * The payments panel's read (the grid opens it for any row): everyone who may see the contribution. The
 * currencies are those a payment of its year can be converted from.
 */
export const loadContributionPayments = defineAction({
  name: "payments.load",
  roles: READERS,
  input: loadPaymentsSchema,
  scope: (input, tx) => contributionsScope(tx, [input.contributionId]),
  async run(input, { tx }) {
    const data = await contributionWithPayments({ id: input.contributionId, db: tx });
    if (!data) throw new ActionError("not_found");
    return data;
  },
});

export const addPayment = defineAction({
  name: "payments.add",
  roles: EDITORS,
  input: addPaymentSchema,
  scope: (input, tx) => contributionsScope(tx, [input.contributionId]),
  async run(input, { tx, audit, user }) {
    await insertPayment(tx, audit, user.id, input.contributionId, values(input));
    return afterChange(tx, input.contributionId);
  },
  revalidate: (input) => paths(input.contributionId),
});

/** A stale version answers "conflict" with the payment as saved by the other person; nothing is written. */
export const updatePayment = defineAction({
  name: "payments.update",
  roles: EDITORS,
  input: updatePaymentSchema,
  scope: (input, tx) => paymentScope(tx, input.id),
  async run(input, { tx, audit, user }) {
    const contributionId = await contributionOfPayment(tx, input.id);
    await updatePaymentRow(tx, audit, user.id, contributionId, input.id, input.version, values(input));
    return afterChange(tx, contributionId);
  },
  revalidate: (_input, data) => paths(data.row.id),
});

export const deletePayment = defineAction({
  name: "payments.delete",
  roles: EDITORS,
  input: deletePaymentSchema,
  scope: (input, tx) => paymentScope(tx, input.id),
  async run(input, { tx, audit, user }) {
    const contributionId = await contributionOfPayment(tx, input.id);
    await deletePaymentRow(tx, audit, user.id, contributionId, input.id, input.version);
    return afterChange(tx, contributionId);
  },
  revalidate: (_input, data) => paths(data.row.id),
});
