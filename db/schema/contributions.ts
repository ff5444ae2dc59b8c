import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { id, money, timestamps, version } from "./columns";
import { contributionKind, contributionStatus } from "./enums";
import { organizations } from "./organizations";
import { budgetProgrammes, currencies, exchangeRates, ministries } from "./reference";
import { users } from "./users";

/** Notes of every demo-seeded contribution start with this, so demo rows can always be told apart. */
export const DEMO_NOTES_PREFIX = "DEMO:";

/**
 * One line of a year's contribution table. An organization may have several lines in a year
 * (split assessments in USD and EUR, several paying ministries). Paid and outstanding amounts are
 * derived from `payments`, never stored twice.
 */
export const contributions = pgTable(
  "contributions",
  {
    id: id(),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id),
    year: integer().notNull(),
    kind: contributionKind().notNull(),
    payingMinistryId: integer().references(() => ministries.id),
    budgetProgrammeId: integer().references(() => budgetProgrammes.id),
    currency: text().references(() => currencies.code),
    amount: money(),
    /** The rate row the EUR amount was computed with; null for EUR amounts (rate 1). */
    exchangeRateId: integer().references(() => exchangeRates.id),
    amountEur: money(),
    plannedEur: money(),
    status: contributionStatus().notNull().default("planned"),
    dueDate: date(),
    /** Cabinet order that approved a voluntary contribution, e.g. "MK rīkojums Nr. 123". */
    cabinetOrder: text(),
    invoiceRef: text(),
    sourceUrl: text(),
    notes: text(),
    version: version(),
    createdBy: integer().references(() => users.id),
    updatedBy: integer().references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    index("contributions_year_idx").on(t.year),
    index("contributions_organization_year_idx").on(t.organizationId, t.year),
    index("contributions_paying_ministry_idx").on(t.payingMinistryId),
    index("contributions_budget_programme_idx").on(t.budgetProgrammeId),
    index("contributions_currency_idx").on(t.currency),
    index("contributions_exchange_rate_idx").on(t.exchangeRateId),
    index("contributions_status_idx").on(t.status),
    index("contributions_kind_idx").on(t.kind),
    index("contributions_due_date_idx").on(t.dueDate),
    index("contributions_created_by_idx").on(t.createdBy),
    index("contributions_updated_by_idx").on(t.updatedBy),
    check("contributions_year", sql`${t.year} between 1990 and 2100`),
    check(
      "contributions_amounts_non_negative",
      sql`coalesce(${t.amount}, 0) >= 0 and coalesce(${t.amountEur}, 0) >= 0 and coalesce(${t.plannedEur}, 0) >= 0`,
    ),
    check("contributions_amount_has_currency", sql`${t.amount} is null or ${t.currency} is not null`),
    check("contributions_amount_has_eur", sql`(${t.amount} is null) = (${t.amountEur} is null)`),
    check(
      "contributions_conversion_has_rate",
      sql`${t.amount} is null or ${t.currency} = 'EUR' or ${t.exchangeRateId} is not null`,
    ),
  ],
);

/** Instalments paid against a contribution, each converted with the rate row it records. */
export const payments = pgTable(
  "payments",
  {
    id: id(),
    contributionId: integer()
      .notNull()
      .references(() => contributions.id),
    paidOn: date().notNull(),
    amount: money().notNull(),
    currency: text()
      .notNull()
      .references(() => currencies.code),
    exchangeRateId: integer().references(() => exchangeRates.id),
    amountEur: money().notNull(),
    notes: text(),
    version: version(),
    createdBy: integer().references(() => users.id),
    updatedBy: integer().references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    index("payments_contribution_idx").on(t.contributionId),
    index("payments_currency_idx").on(t.currency),
    index("payments_exchange_rate_idx").on(t.exchangeRateId),
    index("payments_paid_on_idx").on(t.paidOn),
    index("payments_created_by_idx").on(t.createdBy),
    index("payments_updated_by_idx").on(t.updatedBy),
    check("payments_amounts_positive", sql`${t.amount} > 0 and ${t.amountEur} >= 0`),
    check("payments_conversion_has_rate", sql`${t.currency} = 'EUR' or ${t.exchangeRateId} is not null`),
  ],
);

export type Contribution = typeof contributions.$inferSelect;
export type Payment = typeof payments.$inferSelect;
