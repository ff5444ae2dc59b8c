import { boolean, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * One row per signed-in browser. next-auth's credentials provider only issues JWTs, which stay valid
 * until they expire however the user leaves; the token therefore carries this row's id, and every
 * request checks the row: ended, idle past the limit or older than the absolute lifetime means signed out.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    /** 32 random bytes, base64url: unguessable, and only ever compared, never used as a secret. */
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Absolute end: createdAt + the configured lifetime, whatever the activity. */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
    /** sign_out, disabled, password_changed, role_changed, idle, expired */
    endReason: text(),
    provider: text().notNull().default("credentials"),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId), index("user_sessions_expires_idx").on(t.expiresAt)],
);

/**
 * Sign-in attempts, kept in PostgreSQL so that the throttle holds across server processes.
 * `email` is the address as typed (lower-cased), also for addresses that have no account.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    email: text().notNull(),
    ip: text().notNull(),
    succeeded: boolean().notNull(),
  },
  (t) => [index("sign_in_attempts_email_at_idx").on(t.email, t.at), index("sign_in_attempts_ip_at_idx").on(t.ip, t.at)],
);

export type UserSession = typeof userSessions.$inferSelect;
