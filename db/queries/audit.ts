import "server-only";
import type { Tx } from "../index";
import { auditLog } from "../schema";

export interface AuditInput {
  userId: number | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

// Never into the log: a hash is a secret even when it cannot be reversed.
const SECRET_KEYS = new Set(["passwordHash", "password"]);

function scrub(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (key, v) => (SECRET_KEYS.has(key) ? (v == null ? null : "[changed]") : typeof v === "bigint" ? v.toString() : v)),
  );
}

/** The audit row of a change, written with the caller's transaction so that both land or neither does. */
export async function writeAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({
    userId: entry.userId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: scrub(entry.before),
    after: scrub(entry.after),
    requestId: entry.requestId ?? null,
  });
}
