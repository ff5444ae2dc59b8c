/**
 * "Nothing changed" made checkable: row count and md5 of every row, per business table. Shared by the
 * Vitest helpers (through drizzle) and the Playwright specs (through postgres.js against the server's
 * database). Session and sign-in bookkeeping (user_sessions, sign_in_attempts) is not business data.
 */
export const BUSINESS_TABLES = [
  "ministries",
  "currencies",
  "budget_programmes",
  "exchange_rates",
  "fiscal_years",
  "users",
  "organizations",
  "organization_responsibilities",
  "missions",
  "mission_organizations",
  "mission_ministries",
  "contributions",
  "payments",
  "imports",
  "import_mappings",
  "audit_log",
] as const;

export function fingerprintQuery(table: (typeof BUSINESS_TABLES)[number]): string {
  return `select count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as f from "${table}" t`;
}

/** Every table's fingerprint in one statement (one round trip: the fuzz test takes thousands). */
function fingerprintAllQuery(): string {
  return `select json_build_object(${BUSINESS_TABLES.map((table) => `'${table}', (${fingerprintQuery(table)})`).join(", ")})::text as f`;
}

export async function fingerprintWith(query: (sql: string) => Promise<{ f: string }[]>): Promise<Record<string, string>> {
  const [row] = await query(fingerprintAllQuery());
  return JSON.parse(row?.f ?? "{}") as Record<string, string>;
}
