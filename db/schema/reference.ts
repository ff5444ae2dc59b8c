import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { id, rate, timestamps, version } from "./columns";
import { users } from "./users";

export const ministries = pgTable(
  "ministries",
  {
    id: id(),
    code: text().notNull(),
    nameLv: text().notNull(),
    nameEn: text().notNull(),
    active: boolean().notNull().default(true),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("ministries_code_key").on(t.code),
    check("ministries_code_format", sql`${t.code} ~ '^[a-z][a-z0-9_-]{0,15}$'`),
  ],
);

/** ISO 4217 codes the register accepts. `fixedRate` currencies (LVL) use their last rate for every later year. */
export const currencies = pgTable(
  "currencies",
  {
    code: text().primaryKey(),
    nameLv: text().notNull(),
    nameEn: text().notNull(),
    fixedRate: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("currencies_code_iso4217", sql`${t.code} ~ '^[A-Z]{3}$'`)],
);

export const budgetProgrammes = pgTable(
  "budget_programmes",
  {
    id: id(),
    code: text().notNull(),
    nameLv: text().notNull(),
    nameEn: text().notNull(),
    ministryId: integer()
      .notNull()
      .references(() => ministries.id),
    validFromYear: integer().notNull(),
    validToYear: integer(),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index("budget_programmes_ministry_idx").on(t.ministryId),
    uniqueIndex("budget_programmes_ministry_code_from_key").on(t.ministryId, t.code, t.validFromYear),
    check("budget_programmes_code_format", sql`${t.code} ~ '^[0-9]{2}\\.[0-9]{2}\\.00$'`),
    check(
      "budget_programmes_years",
      sql`${t.validFromYear} between 1990 and 2100 and (${t.validToYear} is null or ${t.validToYear} >= ${t.validFromYear})`,
    ),
  ],
);

/**
 * Yearly budget rates. Append-only: a correction is a new row, so every stored conversion keeps pointing
 * at the row it was computed with; a trigger (drizzle/0002_exchange_rates_immutable.sql) refuses UPDATE.
 */
export const exchangeRates = pgTable(
  "exchange_rates",
  {
    id: id(),
    year: integer().notNull(),
    currency: text()
      .notNull()
      .references(() => currencies.code),
    unitsPerEur: rate().notNull(),
    source: text().notNull(),
    enteredBy: integer().references((): AnyPgColumn => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("exchange_rates_currency_year_idx").on(t.currency, t.year, t.createdAt),
    index("exchange_rates_entered_by_idx").on(t.enteredBy),
    check("exchange_rates_positive", sql`${t.unitsPerEur} > 0`),
    check("exchange_rates_year", sql`${t.year} between 1990 and 2100`),
  ],
);

export const fiscalYears = pgTable(
  "fiscal_years",
  {
    year: integer().primaryKey(),
    closedAt: timestamp({ withTimezone: true }),
    closedBy: integer().references((): AnyPgColumn => users.id),
    ...timestamps(),
  },
  (t) => [
    index("fiscal_years_closed_by_idx").on(t.closedBy),
    check("fiscal_years_year", sql`${t.year} between 1990 and 2100`),
  ],
);

export type Ministry = typeof ministries.$inferSelect;
export type Currency = typeof currencies.$inferSelect;
export type BudgetProgramme = typeof budgetProgrammes.$inferSelect;
export type ExchangeRate = typeof exchangeRates.$inferSelect;
export type FiscalYear = typeof fiscalYears.$inferSelect;
