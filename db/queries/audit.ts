import "server-only";
import { and, count, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { AuditQuery } from "@/app/(app)/admin/audit/search-params";
import { db as defaultDb, type Db, type Tx } from "../index";
import { auditLog, users } from "../schema";
import { containsPattern, orderFor, pageOffset, pageResult, totalCount } from "./table";

export interface AuditInput {
  userId: number | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  /** The import that made the change. */
  importId?: number | null;
}

// Never into the log: a hash is a secret even when it cannot be reversed.
const SECRET_KEYS = new Set(["passwordHash", "password"]);

function scrub(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (key, v) => (SECRET_KEYS.has(key) ? (v == null ? null : "[changed]") : typeof v === "bigint" ? v.toString() : v)),
  );
}

function auditValues(entry: AuditInput) {
  return {
    userId: entry.userId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: scrub(entry.before),
    after: scrub(entry.after),
    requestId: entry.requestId ?? null,
    importId: entry.importId ?? null,
  };
}

/** The audit row of a change, written with the caller's transaction so that both land or neither does. */
export async function writeAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.insert(auditLog).values(auditValues(entry));
}

/** Many audit rows at once (an import's lines), in statements of a few hundred rows. */
export async function writeAudits(tx: Tx, entries: readonly AuditInput[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) await tx.insert(auditLog).values(entries.slice(i, i + 500).map(auditValues));
}

/**
 * A read that must leave a trace (an export: who took what, with which parameters). Its own transaction,
 * as no change goes with it.
 */
export async function auditRead(entry: AuditInput, db: Db = defaultDb): Promise<void> {
  await db.transaction((tx) => writeAudit(tx, entry));
}

export interface AuditRow {
  id: string;
  at: Date;
  userId: number | null;
  userName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

const auditColumns = {
  id: sql<string>`${auditLog.id}::text`,
  at: auditLog.at,
  userId: auditLog.userId,
  userName: users.name,
  action: auditLog.action,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  before: auditLog.before,
  after: auditLog.after,
  requestId: auditLog.requestId,
};

/**
 * A record's history, newest first. Changes to what belongs to a record (a mission's organizations, an
 * organization's responsibilities) are written against the record itself, so one lookup finds them all.
 */
export async function recordHistory({
  entity,
  entityId,
  limit = 200,
  db = defaultDb,
}: {
  entity: string;
  entityId: number | string;
  limit?: number;
  db?: Db;
}): Promise<AuditRow[]> {
  return db
    .select(auditColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(entityId))))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

export async function listAudit({ query, db = defaultDb }: { query: AuditQuery; db?: Db }): Promise<{ rows: AuditRow[]; total: number }> {
  const { entity, user, record, from, to } = query.filters;
  const where = and(
    entity ? eq(auditLog.entity, entity) : undefined,
    user ? eq(auditLog.userId, user) : undefined,
    record ? eq(auditLog.entityId, record) : undefined,
    // Whole days in Riga, the users' time zone.
    from ? sql`${auditLog.at} >= (${from}::date)::timestamp at time zone 'Europe/Riga'` : undefined,
    to ? sql`${auditLog.at} < (${to}::date + 1)::timestamp at time zone 'Europe/Riga'` : undefined,
    query.q
      ? or(ilike(auditLog.action, containsPattern(query.q)), ilike(users.name, containsPattern(query.q)), ilike(auditLog.entityId, containsPattern(query.q)))
      : undefined,
  );
  const { limit, offset } = pageOffset(query);
  const rows = await db
    .select({ ...auditColumns, totalCount })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(where)
    .orderBy(...orderFor(query.sort, { at: auditLog.at, entity: auditLog.entity, action: auditLog.action, user: users.name }, auditLog.id))
    .limit(limit)
    .offset(offset);
  return pageResult(rows, query, async () => {
    const [row] = await db.select({ n: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.userId)).where(where);
    return row?.n ?? 0;
  });
}

/** Users who appear in the log, for the audit filter. */
export async function listAuditUsers({ db = defaultDb }: { db?: Db } = {}) {
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.userId))
    .orderBy(users.name);
}
