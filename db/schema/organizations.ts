import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { id, timestamps, version } from "./columns";
import { organizationKind, responsibilityRole } from "./enums";
import { ministries } from "./reference";

export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    acronym: text().notNull(),
    nameLv: text().notNull(),
    nameEn: text().notNull(),
    kind: organizationKind().notNull().default("organization"),
    hqCity: text(),
    website: text(),
    memberSince: date(),
    /** likumi.lv page of the law or treaty by which Latvia joined. */
    treatyUrl: text(),
    /** Currencies the organization bills in; FAO and UNESCO split one assessment into USD and EUR. */
    billingCurrencies: text().array().notNull().default(sql`'{}'::text[]`),
    sourceUrl: text(),
    notes: text(),
    archivedAt: timestamp({ withTimezone: true }),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("organizations_acronym_key").on(t.acronym),
    index("organizations_kind_idx").on(t.kind),
    index("organizations_archived_idx").on(t.archivedAt),
    check(
      "organizations_billing_currencies_iso4217",
      sql`array_to_string(${t.billingCurrencies}, ',') ~ '^([A-Z]{3}(,[A-Z]{3})*)?$'`,
    ),
  ],
);

/**
 * Which ministry answers for an organization, as history: a change ends the current row (validTo)
 * and starts a new one. The partial unique indexes make "one current lead" and "one current role per
 * ministry" facts of the database, not of the application.
 */
export const organizationResponsibilities = pgTable(
  "organization_responsibilities",
  {
    id: id(),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id),
    ministryId: integer()
      .notNull()
      .references(() => ministries.id),
    role: responsibilityRole().notNull(),
    validFrom: date().notNull().default(sql`current_date`),
    validTo: date(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("organization_responsibilities_organization_idx").on(t.organizationId),
    index("organization_responsibilities_ministry_idx").on(t.ministryId),
    uniqueIndex("organization_responsibilities_one_current_lead")
      .on(t.organizationId)
      .where(sql`${t.role} = 'lead' and ${t.validTo} is null`),
    uniqueIndex("organization_responsibilities_one_current_role")
      .on(t.organizationId, t.ministryId)
      .where(sql`${t.validTo} is null`),
    check("organization_responsibilities_dates", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

export type Organization = typeof organizations.$inferSelect;
export type OrganizationResponsibility = typeof organizationResponsibilities.$inferSelect;
