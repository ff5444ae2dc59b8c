import "server-only";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

// What a contribution line has been paid and still owes, for every query that shows or sums lines (the
// grid, the reports, the lines export): written once so that they can never disagree.

/**
 * The line's payments, summed in EUR (0 without payments) and counted, as a subquery aliased `paid`, to be
 * joined laterally: `left join lateral ${paidPerLine(c.id)} on true` (or drizzle's `leftJoinLateral`).
 * Per line, through the payments' contribution index: summing every payment of every year first and
 * joining the result cost half the grid's query time on 50,000 lines (bench:grid).
 */
export const paidPerLine = (lineId: SQLWrapper): SQL =>
  sql`(select coalesce(sum(pay.amount_eur), 0) as paid_eur, count(*)::int as payment_count
    from payments pay where pay.contribution_id = ${lineId}) paid`;

/** The joined line's paid sum (numeric, never null). */
export const paidEur = sql<string>`paid.paid_eur`;

/** How many payments the joined line has. */
export const paymentCount = sql<number>`paid.payment_count`;

/** The joined line's outstanding: its EUR amount less paid, never below zero; null while the amount is unknown. */
export const outstandingEur = (amountEur: SQLWrapper): SQL<string | null> =>
  sql`case when ${amountEur} is null then null else greatest(${amountEur} - ${paidEur}, 0) end`;
