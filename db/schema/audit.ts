import { bigint, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { imports } from "./imports";
import { users } from "./users";

/**
 * Append-only change log, written in the same transaction as the change it describes.
 * A trigger (drizzle/0001_audit_log_append_only.sql) rejects UPDATE, DELETE and TRUNCATE.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: integer().references(() => users.id),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
    /** The import that made this change, when one did. */
    importId: integer().references(() => imports.id),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entity, t.entityId),
    index("audit_log_at_idx").on(t.at),
    index("audit_log_user_idx").on(t.userId),
    index("audit_log_import_idx").on(t.importId),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
