import { integer, numeric, timestamp } from "drizzle-orm/pg-core";

/** Surrogate key: identity columns, never written by the application. */
export const id = () => integer().primaryKey().generatedAlwaysAsIdentity();

export const timestamps = () => ({
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Optimistic-lock counter: every update sets `version = version + 1 WHERE version = $expected`. */
export const version = () => integer().notNull().default(1);

/**
 * Money in a currency: numeric(18,2), read back as a string. Never `mode: "number"`:
 * a float cannot hold 0.1 exactly, and these are public accounts.
 */
export const money = () => numeric({ precision: 18, scale: 2 });

/** Units of a currency per euro, e.g. USD 1.0824; LVL 0.702804 needs six decimals. */
export const rate = () => numeric({ precision: 18, scale: 8 });
