import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { id, timestamps, version } from "./columns";
import { userRole } from "./enums";
import { ministries } from "./reference";

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text().notNull(),
    name: text().notNull(),
    /** argon2id hash; null for accounts that only sign in through the ministry's identity provider. */
    passwordHash: text(),
    /** "issuer|sub" of the identity-provider account this user signs in with; never matched by e-mail alone. */
    oidcSubject: text(),
    mustChangePassword: boolean().notNull().default(false),
    role: userRole().notNull().default("viewer"),
    /** When set, the user may change only records of this ministry. */
    ministryId: integer().references((): AnyPgColumn => ministries.id),
    locale: text().notNull().default("lv"),
    disabledAt: timestamp({ withTimezone: true }),
    /** Bumped on sign-out, disable and password change: every older session token stops working. */
    sessionVersion: integer().notNull().default(1),
    lastLoginAt: timestamp({ withTimezone: true }),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    uniqueIndex("users_oidc_subject_key").on(t.oidcSubject),
    index("users_ministry_idx").on(t.ministryId),
    check("users_email_lowercase", sql`${t.email} = lower(${t.email}) and position('@' in ${t.email}) > 1`),
    check("users_locale", sql`${t.locale} in ('lv', 'en')`),
  ],
);

export type User = typeof users.$inferSelect;
