import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { id, timestamps, version } from "./columns";
import { importStatus } from "./enums";
import { ministries } from "./reference";
import { users } from "./users";

/**
 * One uploaded spreadsheet on its way into the register: the file as read (headers and cells), the
 * column mapping, the dry run's classification of every row, and once applied, when and by whom. The
 * audit rows of the contributions it wrote point back here (audit_log.import_id).
 */
export const imports = pgTable(
  "imports",
  {
    id: id(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    /** The uploader's ministry scope when uploading: a scoped editor's import only ever touches it. */
    ministryId: integer().references(() => ministries.id),
    fileName: text().notNull(),
    /** SHA-256 of the uploaded bytes, hex. */
    checksum: text().notNull(),
    format: text().notNull(),
    byteSize: integer().notNull(),
    status: importStatus().notNull().default("uploaded"),
    /** The file as read: `{ headers, rows: [{ line, cells }], headerLine, sheetName, separator, numberLocale }`. */
    table: jsonb().notNull(),
    /** field → column index. */
    mapping: jsonb(),
    /** The year of rows whose file has no year column. */
    defaultYear: integer(),
    /** The dry run: every row classified, with the values it would write and the versions it saw. */
    plan: jsonb(),
    counts: jsonb(),
    previewedAt: timestamp({ withTimezone: true }),
    appliedAt: timestamp({ withTimezone: true }),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index("imports_user_idx").on(t.userId),
    index("imports_ministry_idx").on(t.ministryId),
    index("imports_created_at_idx").on(t.createdAt),
    check("imports_format", sql`${t.format} in ('xlsx', 'csv')`),
    check("imports_checksum", sql`${t.checksum} ~ '^[0-9a-f]{64}$'`),
  ],
);

/** Each user's last column mapping, by header text, offered again for the next file with the same headers. */
export const importMappings = pgTable("import_mappings", {
  userId: integer()
    .primaryKey()
    .references(() => users.id),
  /** field → header text. */
  mapping: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type Import = typeof imports.$inferSelect;
