import { createParser, parseAsArrayOf, parseAsInteger, parseAsString } from "nuqs/server";

/**
 * What a table accepts from the URL: its sortable column ids, its filters and their allowed values. The
 * same spec builds the client's URL state (nuqs) and the server's parse, so an id the server has never
 * heard of (a hand-edited link, an attacker) falls back to the default instead of reaching `orderBy`.
 */
/** Allowed values of a filter: a list, a record id, free text, or an ISO date (YYYY-MM-DD). */
export type FilterSpec = readonly string[] | "id" | "text" | "date";

export interface TableSpec<S extends string = string, F extends Record<string, FilterSpec> = Record<string, FilterSpec>> {
  sortable: readonly S[];
  defaultSort: { id: S; desc: boolean };
  filters: F;
  /** Rows per page when the URL says nothing. */
  perPage?: number;
  /** Prefix of the URL keys, for a page with more than one table. */
  prefix?: string;
}

export const PER_PAGE_OPTIONS = [10, 25, 50, 100] as const;
export const MAX_PAGE = 100_000;
export const MAX_SEARCH = 100;

/** Search text as the queries take it: PostgreSQL text cannot hold NUL (a `%00` in a link), so it goes. */
export function searchText(value: string | null | undefined): string {
  return (value ?? "").replaceAll("\u0000", "").trim().slice(0, MAX_SEARCH);
}

export function defineTableSpec<const S extends string, const F extends Record<string, FilterSpec>>(spec: TableSpec<S, F>) {
  return spec;
}

type FilterValue<T extends FilterSpec> = T extends readonly (infer V)[] ? V : T extends "id" ? number : string;

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export interface TableQuery<S extends string = string, F extends Record<string, FilterSpec> = Record<string, FilterSpec>> {
  page: number;
  perPage: number;
  sort: { id: S; desc: boolean };
  q: string;
  filters: { [K in keyof F]: FilterValue<F[K]> | null };
}

export type QueryOf<T> = T extends TableSpec<infer S, infer F> ? TableQuery<S, F> : never;

/** The rows of one page and the number of rows of the whole filtered query, or a failure to load them. */
export type TableResult<Row> = { ok: true; rows: Row[]; total: number } | { ok: false };

/** "name" ascending, "name.desc" descending. */
const parseAsSort = createParser({
  parse: (value: string) => {
    const [id, dir, ...rest] = value.split(".");
    if (!id || rest.length || (dir !== undefined && dir !== "desc" && dir !== "asc")) return null;
    return { id, desc: dir === "desc" };
  },
  serialize: (sort: { id: string; desc: boolean }) => (sort.desc ? `${sort.id}.desc` : sort.id),
  eq: (a, b) => a.id === b.id && a.desc === b.desc,
});

/** URL key of a table parameter, prefixed for a second table on one page. */
export function tableKey(spec: Pick<TableSpec, "prefix">, key: string): string {
  return spec.prefix ? `${spec.prefix}${key[0]!.toUpperCase()}${key.slice(1)}` : key;
}

/** nuqs parsers of a table's URL state; the keys are the spec's names, `urlKeys` adds the prefix. */
export function tableParsers(spec: TableSpec) {
  return {
    page: parseAsInteger.withDefault(1),
    perPage: parseAsInteger.withDefault(spec.perPage ?? 25),
    sort: parseAsSort.withDefault(spec.defaultSort),
    q: parseAsString.withDefault(""),
    hide: parseAsArrayOf(parseAsString).withDefault([]),
  };
}

export function filterParsers(spec: TableSpec): Record<string, typeof parseAsString> {
  return Object.fromEntries(Object.keys(spec.filters).map((key) => [key, parseAsString]));
}

export function tableUrlKeys(spec: TableSpec, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.map((key) => [key, tableKey(spec, key)]));
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The server's reading of a table's URL: every value checked against the spec, anything unknown or out
 * of range replaced by its default. Pure, so tests can feed it whatever a URL can hold.
 */
export function parseTableQuery<S extends string, F extends Record<string, FilterSpec>>(
  spec: TableSpec<S, F>,
  searchParams: Record<string, string | string[] | undefined>,
): TableQuery<S, F> {
  const raw = (key: string) => first(searchParams[tableKey(spec, key)]);
  const int = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? Number(value) : null);

  const page = int(raw("page"));
  const perPage = int(raw("perPage"));
  const sort = parseAsSort.parse(raw("sort") ?? "");
  const filters = {} as Record<string, unknown>;
  for (const [key, allowed] of Object.entries(spec.filters) as [string, FilterSpec][]) {
    const value = raw(key)?.trim();
    if (!value) filters[key] = null;
    else if (allowed === "id") filters[key] = int(value) || null;
    else if (allowed === "text") filters[key] = searchText(value) || null;
    else if (allowed === "date") filters[key] = isIsoDate(value) ? value : null;
    else filters[key] = allowed.includes(value) ? value : null;
  }
  return {
    page: page && page >= 1 && page <= MAX_PAGE ? page : 1,
    perPage: perPage && (PER_PAGE_OPTIONS as readonly number[]).includes(perPage) ? perPage : (spec.perPage ?? 25),
    sort: sort && (spec.sortable as readonly string[]).includes(sort.id) ? { id: sort.id as S, desc: sort.desc } : spec.defaultSort,
    q: searchText(raw("q")),
    filters: filters as TableQuery<S, F>["filters"],
  };
}
