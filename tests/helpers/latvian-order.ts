/** The order `latvianSortKey` (db/queries/table.ts) gives in SQL, in TypeScript, for checking sorted lists. */
export function latvianKey(text: string): string {
  let key = text.replace(/[āĀ]/g, "a").replace(/[ēĒ]/g, "e").replace(/[īĪ]/g, "i").replace(/[ūŪ]/g, "u").toLowerCase();
  for (const [letter, base] of [["č", "c"], ["ģ", "g"], ["ķ", "k"], ["ļ", "l"], ["ņ", "n"], ["š", "s"], ["ž", "z"]] as const) {
    key = key.replaceAll(letter, `${base}{`);
  }
  return key;
}

/** A comparator for `Array.prototype.sort` that matches the lists' ORDER BY (byte order of the key). */
export function latvianOrder(a: string, b: string): number {
  const [x, y] = [Buffer.from(latvianKey(a)), Buffer.from(latvianKey(b))];
  return Buffer.compare(x, y);
}
