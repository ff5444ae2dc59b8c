import "server-only";
import { asc, desc, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { TableQuery } from "@/components/data-table/spec";

/**
 * ORDER BY for a table query: the sort id picks its expression from `columns`, a map typed by the spec's
 * sortable ids (the URL never reaches SQL), and `tiebreak` keeps pages stable when values repeat.
 */
export function orderFor<S extends string>(
  sort: TableQuery<S>["sort"],
  columns: Record<S, AnyColumn | SQL | SQL.Aliased>,
  tiebreak: AnyColumn | SQL,
): SQL[] {
  const column = columns[sort.id];
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
