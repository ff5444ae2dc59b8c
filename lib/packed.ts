/**
 * Large server → client props as one JSON string. React's flight protocol walks every value of an object
 * prop (and its client parses with a reviver that visits each one again); a string crosses as a single
 * value, and the browser's JSON.parse without a reviver is native. For the year grid's 2,000 lines this
 * was the difference between a page ~4× and ~N× the cost of the bare SQL → JSON route (npm run bench:grid).
 * Rows go as tuples (keys once), which also makes the payload about a third smaller.
 */
export type PackedRows<T> = string & { readonly __packedRows?: T };
export type PackedJson<T> = string & { readonly __packedJson?: T };

export function packRows<T extends object>(rows: readonly T[]): PackedRows<T> {
  const first = rows[0];
  const keys = first ? (Object.keys(first) as (keyof T)[]) : [];
  return JSON.stringify([keys, ...rows.map((row) => keys.map((key) => row[key]))]);
}

/** Rows already as arrays (a driver's array mode), in the order of `keys`. */
export function packValues<T>(keys: readonly (keyof T)[], values: readonly unknown[][]): PackedRows<T> {
  return JSON.stringify([keys, ...values]);
}

export function unpackRows<T>(packed: PackedRows<T>): T[] {
  const [keys, ...tuples] = JSON.parse(packed) as [string[], ...unknown[][]];
  return tuples.map((tuple) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) row[keys[i]!] = tuple[i];
    return row as T;
  });
}

export function packJson<T>(value: T): PackedJson<T> {
  return JSON.stringify(value);
}

export function unpackJson<T>(packed: PackedJson<T>): T {
  return JSON.parse(packed) as T;
}
