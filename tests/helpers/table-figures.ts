import type postgres from "postgres";

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
export async function columnsOf(sql: postgres.Sql): Promise<Columns> {
  const rows = await sql<{ table: string; column: string; type: string }[]>`
    select c.table_name as table, c.column_name as column, c.data_type as type
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`;
  const result: Columns = {};
  for (const row of rows) (result[row.table] ??= []).push({ name: row.column, type: row.type });
  return result;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Figures of each table in `columns` (by default every table of the database), over those columns only:
 * a database migrated since may have more columns, and the old ones must still add up.
 */
export async function tableFigures(sql: postgres.Sql, columns?: Columns): Promise<Record<string, TableFigures>> {
  const tables = columns ?? (await columnsOf(sql));
  const result: Record<string, TableFigures> = {};
  for (const [table, cols] of Object.entries(tables)) {
    const list = cols.map((c) => `t.${quote(c.name)}`).join(", ");
    const numeric = cols.filter((c) => c.type === "numeric");
    const sums = numeric.map((c, i) => `trim_scale(coalesce(sum(t.${quote(c.name)}), 0))::text as s${i}`);
    const [row] = await sql.unsafe<Record<string, string>[]>(
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
export async function migrationsRecord(sql: postgres.Sql): Promise<string> {
  const [row] = await sql<{ f: string }[]>`
    select count(*)::text || ':' || coalesce(md5(string_agg(hash || '@' || created_at::text, '|' order by id)), '') as f
    from drizzle.__drizzle_migrations`;
  return row!.f;
}
