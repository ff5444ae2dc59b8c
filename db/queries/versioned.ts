import "server-only";
import { eq, getTableName, sql, type InferInsertModel, type InferSelectModel } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { ActionContext } from "@/lib/action";
import { ActionError } from "@/lib/errors";
import type { Tx } from "../index";

/** A table people edit concurrently: integer id, `version` counter, `updatedAt`. */
export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };
type Row<T extends VersionedTable> = InferSelectModel<T>;

/**
 * Locks the row and checks the version the editor saw. A different version means someone saved in
 * between: the caller gets "conflict" with the row as it is now (through `present`, which may hide
 * fields), and nothing is written. `expectedVersion: null` locks without checking (internal steps).
 */
export async function lockVersioned<T extends VersionedTable>(
  tx: Tx,
  table: T,
  id: number,
  expectedVersion: number | null,
  present: (row: Row<T>) => unknown = (row) => row,
): Promise<Row<T>> {
  // drizzle's generic select over "any versioned table" is not expressible in its types; the casts stay here.
  const [row] = (await tx
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id))
    .for("update")) as Row<T>[];
  if (!row) throw new ActionError("not_found");
  if (expectedVersion !== null && (row as { version: number }).version !== expectedVersion) {
    throw new ActionError("conflict", { current: present(row) });
  }
  return row;
}

/** Writes `set`, counts the version up and stamps `updatedAt`; returns the new row. */
export async function updateVersioned<T extends VersionedTable>(tx: Tx, table: T, id: number, set: Partial<InferInsertModel<T>>): Promise<Row<T>> {
  const [row] = (await tx
    .update(table)
    .set({ ...set, version: sql`${table.version} + 1`, updatedAt: sql`now()` } as never)
    .where(eq(table.id, id))
    .returning()) as Row<T>[];
  if (!row) throw new ActionError("not_found");
  return row;
}

const comparable = (value: unknown) => JSON.stringify(value instanceof Date ? value.toISOString() : (value ?? null));

/** The keys of `set` whose value differs from the row's. */
export function changedKeys<R extends object>(row: R, set: Partial<R>): (keyof R)[] {
  return (Object.keys(set) as (keyof R)[]).filter((key) => comparable(row[key]) !== comparable(set[key]));
}

/**
 * The one edit path of a versioned record: lock and check the version → write only if something changed
 * → audit row with both states, in the caller's transaction. Saving unchanged values writes nothing and
 * keeps the version, so an idle "Save" never conflicts with someone else's later change.
 */
export async function saveVersioned<T extends VersionedTable>({
  tx,
  audit,
  table,
  id,
  version,
  set,
  action = "update",
  present = (row) => row,
}: {
  tx: Tx;
  audit: ActionContext["audit"];
  table: T;
  id: number;
  /** The version the editor loaded; null only for steps that re-check something else. */
  version: number | null;
  set: Partial<InferInsertModel<T>>;
  action?: string;
  present?: (row: Row<T>) => unknown;
}): Promise<{ before: Row<T>; after: Row<T>; changed: boolean }> {
  const before = await lockVersioned(tx, table, id, version, present);
  if (changedKeys(before as object, set as object).length === 0) return { before, after: before, changed: false };
  const after = await updateVersioned(tx, table, id, set);
  await audit({ action, entity: getTableName(table), entityId: id, before: present(before), after: present(after) });
  return { before, after, changed: true };
}

/** PostgreSQL's foreign_key_violation: something still refers to the row. */
const FOREIGN_KEY_VIOLATION = "23503";

/**
 * Hard delete, for admins and only for records nothing refers to: the foreign keys decide, so a reference
 * added by a table tomorrow is covered without touching this code. Referenced records get "in_use"
 * (archive them instead); the audit row keeps the deleted record's last state, which is also returned.
 */
export async function deleteVersioned<T extends VersionedTable>({
  tx,
  audit,
  table,
  id,
  version,
  present = (row) => row,
}: {
  tx: Tx;
  audit: ActionContext["audit"];
  table: T;
  id: number;
  version: number;
  present?: (row: Row<T>) => unknown;
}): Promise<Row<T>> {
  const before = await lockVersioned(tx, table, id, version, present);
  try {
    // A savepoint, so that the refused delete leaves the transaction usable for the answer.
    await tx.transaction(async (sp) => {
      await sp.delete(table).where(eq(table.id, id));
    });
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    if (code === FOREIGN_KEY_VIOLATION) throw new ActionError("in_use");
    throw error;
  }
  await audit({ action: "delete", entity: getTableName(table), entityId: id, before: present(before), after: null });
  return before;
}
