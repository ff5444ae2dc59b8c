import "server-only";
import { asc, desc, is, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { PgText } from "drizzle-orm/pg-core";
import type { TableQuery } from "@/components/data-table/spec";

/**
 * A sort key that orders text the Latvian way on every PostgreSQL this app runs on (the embedded one has no
 * ICU collations): case and the long vowels ā ē ī ū do not count, while č ģ ķ ļ ņ š ž are letters of their
 * own after c g k l n s z ("{" follows "z" in byte order). So "Ārlietu ministrija" sorts with the A's, not
 * after "Zemkopības ministrija" as plain byte order would have it.
 */
export function latvianSortKey(text: AnyColumn | SQL): SQL {
  let key = sql`lower(translate(${text}, 'āēīūĀĒĪŪ', 'aeiuAEIU'))`;
  for (const [letter, base] of [["č", "c"], ["ģ", "g"], ["ķ", "k"], ["ļ", "l"], ["ņ", "n"], ["š", "s"], ["ž", "z"]]) {
    key = sql`replace(${key}, ${letter}, ${`${base}{`})`;
  }
  return sql`(${key}) collate "C"`;
}

/**
 * ORDER BY for a table query: the sort id picks its expression from `columns`, a map typed by the spec's
 * sortable ids (the URL never reaches SQL), and `tiebreak` keeps pages stable when values repeat. Text
 * columns sort by `latvianSortKey`.
 */
export function orderFor<S extends string>(
  sort: TableQuery<S>["sort"],
  columns: Record<S, AnyColumn | SQL | SQL.Aliased>,
  tiebreak: AnyColumn | SQL,
): SQL[] {
  const chosen = columns[sort.id];
  const column = is(chosen, PgText) ? latvianSortKey(chosen) : chosen;
  const nullsLast = (expr: SQL) => sql`${expr} nulls last`;
  const ordered = sort.desc ? desc(column as AnyColumn) : asc(column as AnyColumn);
  return [nullsLast(ordered), asc(tiebreak)];
}

export function pageOffset(query: Pick<TableQuery, "page" | "perPage">): { limit: number; offset: number } {
  return { limit: query.perPage, offset: (query.page - 1) * query.perPage };
}

/** `count(*) over ()`: the filtered total rides along with the page's rows, one round trip. */
export const totalCount = sql<number>`(count(*) over ())::int`.as("total_count");

/** A `%…%` pattern for ILIKE with the user's own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Splits rows that carry `totalCount` into the page and the total. An empty page past the end has no
 * row to carry the total, so `countAll` is asked (only then).
 */
export async function pageResult<Row extends { totalCount: number }>(
  rows: Row[],
  query: Pick<TableQuery, "page">,
  countAll: () => Promise<number>,
): Promise<{ rows: Omit<Row, "totalCount">[]; total: number }> {
  const total = rows[0]?.totalCount ?? (query.page > 1 ? await countAll() : 0);
  return { rows: rows.map(({ totalCount: _, ...row }) => row), total };
}
