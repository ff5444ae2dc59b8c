import Papa from "papaparse";

/**
 * Rows as objects keyed by the header line (papaparse: RFC 4180, quoted fields, BOM). Every expected
 * column must be present, so a renamed or missing column fails loudly instead of seeding empty values.
 */
export function parseCsvRecords<K extends string>(
  text: string,
  columns: readonly K[],
  label: string,
): Record<K, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (name) => name.trim(),
  });
  const problem = parsed.errors[0];
  if (problem) throw new Error(`${label}: line ${(problem.row ?? 0) + 2}: ${problem.message}`);
  const header = parsed.meta.fields ?? [];
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new Error(`${label}: missing column(s) ${missing.join(", ")}`);

  return parsed.data.map((row) => {
    const record = {} as Record<K, string>;
    for (const column of columns) record[column] = (row[column] ?? "").trim();
    return record;
  });
}
