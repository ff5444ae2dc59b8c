import { and, eq, type SQL } from "drizzle-orm";
import type { Tx } from "../index";
import { contributions, payments } from "../schema";
import type { SeedSummary } from "./summary";

export type NewContribution = typeof contributions.$inferInsert & { currency: string };
export type NewPayment = Omit<typeof payments.$inferInsert, "contributionId">;

/**
 * Inserts a contribution unless its natural key is already present: organization, year, kind and
 * currency plus a marker of where the row came from (its source URL for sourced rows, its notes for demo
 * rows). Payments are children of the row: they are written only with a newly inserted contribution, so
 * a re-run neither duplicates them nor undoes instalments edited in the app since.
 */
export async function ensureContribution(
  tx: Tx,
  summary: SeedSummary,
  values: NewContribution,
  instalments: readonly NewPayment[] = [],
): Promise<void> {
  let marker: SQL | undefined;
  if (values.sourceUrl) marker = eq(contributions.sourceUrl, values.sourceUrl);
  else if (values.notes) marker = eq(contributions.notes, values.notes);
  else throw new Error("a seeded contribution needs a source URL or a notes marker");

  const [existing] = await tx
    .select({ id: contributions.id })
    .from(contributions)
    .where(
      and(
        eq(contributions.organizationId, values.organizationId),
        eq(contributions.year, values.year),
        eq(contributions.kind, values.kind),
        eq(contributions.currency, values.currency),
        marker,
      ),
    )
    .limit(1);
  if (existing) return;

  const [inserted] = await tx.insert(contributions).values(values).returning({ id: contributions.id });
  if (!inserted) throw new Error(`contribution ${values.organizationId}/${values.year} could not be inserted`);
  summary.contributions += 1;

  if (instalments.length === 0) return;
  const added = await tx
    .insert(payments)
    .values(instalments.map((p) => ({ ...p, contributionId: inserted.id })))
    .returning({ id: payments.id });
  summary.payments += added.length;
}
