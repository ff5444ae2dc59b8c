/** Any driver's way to run one statement and get its rows: postgres.js `sql.unsafe`, PGlite `query`. */
export type Query = <T extends object>(text: string) => Promise<T[]>;

/**
 * What "the data survived" means for migrations and backups, read from the catalog rather than from a
 * list of tables, so that a table or money column added later is covered without touching the tests:
 * per table of the public schema, the row count, the sum of every numeric column (money and rates) and
 * an md5 of the ordered rows.
 */
export interface TableFigures {
  rows: number;
  sums: Record<string, string>;
  md5: string;
}

export type Columns = Record<string, { name: string; type: string }[]>;

/** Base tables of `public` and their columns in order. */
export async function columnsOf(query: Query): Promise<Columns> {
  const rows = await query<{ table: string; column: string; type: string }>(`
    select c.table_name as table, c.column_name as column, c.data_type as type
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`);
  const result: Columns = {};
  for (const row of rows) (result[row.table] ??= []).push({ name: row.column, type: row.type });
  return result;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Figures of each table in `columns` (by default every table of the database), over those columns only:
 * a database migrated since may have more columns, and the old ones must still add up.
 */
export async function tableFigures(query: Query, columns?: Columns): Promise<Record<string, TableFigures>> {
  // Rows are compared as text: timestamps must read the same whatever the server's or session's zone.
  await query("set timezone to 'UTC'");
  await query("set datestyle to 'ISO, YMD'");
  const tables = columns ?? (await columnsOf(query));
  const result: Record<string, TableFigures> = {};
  for (const [table, cols] of Object.entries(tables)) {
    const list = cols.map((c) => `t.${quote(c.name)}`).join(", ");
    const numeric = cols.filter((c) => c.type === "numeric");
    const sums = numeric.map((c, i) => `trim_scale(coalesce(sum(t.${quote(c.name)}), 0))::text as s${i}`);
    const [row] = await query<Record<string, string>>(
      `select count(*)::text as n, coalesce(md5(string_agg(r::text, '|' order by r::text)), '') as md5${sums.map((s) => `, ${s}`).join("")}
       from ${quote(table)} t cross join lateral (select ${list}) r`,
    );
    result[table] = {
      rows: Number(row!.n),
      sums: Object.fromEntries(numeric.map((c, i) => [c.name, row![`s${i}`]!])),
      md5: row!.md5!,
    };
  }
  return result;
}

/** The migrator's own bookkeeping (drizzle.__drizzle_migrations), as one comparable string. */
export async function migrationsRecord(query: Query): Promise<string> {
  const [row] = await query<{ f: string }>(`
    select count(*)::text || ':' || coalesce(md5(string_agg(hash || '@' || created_at::text, '|' order by id)), '') as f
    from drizzle.__drizzle_migrations`);
  return row!.f;
}

/** A Query over a postgres.js client (one connection, so that the session settings above hold). */
export const queryOf =
  (sql: { unsafe: (text: string) => PromiseLike<object[]> }): Query =>
  async <T extends object>(text: string) =>
    (await sql.unsafe(text)) as T[];
