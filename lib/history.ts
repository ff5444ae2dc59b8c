/** Bookkeeping columns: they change with every save and say nothing a reader needs. */
const IGNORED = new Set(["version", "updatedAt", "createdAt", "id"]);

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields an audit entry changed, in the order of the record's own keys. A creation lists every filled
 * field (before: nothing); a deletion every field it had (after: nothing).
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((key) => !IGNORED.has(key));
  return keys
    .filter((key) => !same(b[key], a[key]))
    .filter((key) => !(b[key] == null && a[key] == null))
    .map((key) => ({ field: key, before: b[key] ?? null, after: a[key] ?? null }));
}
