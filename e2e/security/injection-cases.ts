/**
 * SECURITY.md 16: every URL parameter that reaches a query — search, sort, filters, paging, years, ids —
 * of every list page, export and JSON route. Shared by e2e/security-injection.spec.ts and scripts/sqlmap.sh
 * (`npx tsx e2e/security/injection-cases.ts` prints the targets for sqlmap), so both attack the same set.
 *
 * `{ministry}` and `{import}` in a path or value stand for an existing record's id, found at run time.
 */
export interface InjectionTarget {
  path: string;
  /** The parameters the page reads (components/data-table/spec.ts and each search-params.ts). */
  params: string[];
  /** Values the route needs to get as far as its query (an export's view and format). */
  base?: Record<string, string>;
  /** Valid values of this target's parameters where SAMPLE's do not fit (sqlmap starts from a working URL). */
  sample?: Record<string, string>;
  /** Signed out (the sign-in page); otherwise the demo admin. */
  anonymous?: true;
}

const TABLE = ["q", "sort", "page", "perPage", "hide"];

export const LIST_TARGETS: InjectionTarget[] = [
  { path: "/missions", params: [...TABLE, "country", "status"], sample: { sort: "city", status: "all" } },
  { path: "/organizations", params: [...TABLE, "kind", "ministry", "mission", "status"], sample: { sort: "acronym", kind: "organization", status: "all" } },
  { path: "/organizations/responsibilities", params: ["q", "ministry", "role"] },
  { path: "/ministries", params: [...TABLE, "status"], sample: { status: "active" } },
  { path: "/ministries/{ministry}", params: ["pQ", "pSort", "pPage", "pPerPage", "pHide"] },
  { path: "/contributions", params: ["year", "q", "ministry", "kind", "status", "currency", "org", "group"], sample: { status: "planned" } },
  { path: "/contributions/years", params: ["from", "to", "ministry", "kind"] },
  { path: "/reports", params: ["view", "year", "ministry", "kind", "from", "to", "sep"] },
  { path: "/import/{import}", params: ["show", "page"] },
  { path: "/admin/users", params: [...TABLE, "role", "ministry", "status"], sample: { role: "editor", status: "active" } },
  { path: "/admin/audit", params: [...TABLE, "entity", "user", "record", "from", "to"], sample: { sort: "at", from: "2020-01-01", to: "2030-12-31" } },
  { path: "/admin/exchange-rates", params: [...TABLE, "currency", "year", "recalcYear"], sample: { sort: "year" } },
  { path: "/login", params: ["callbackUrl", "error"], anonymous: true },
];

export const EXPORT_TARGETS: InjectionTarget[] = [
  {
    path: "/api/reports/export",
    params: ["view", "format", "year", "ministry", "kind", "from", "to", "sep", "allYears"],
    base: { view: "lines", format: "csv", year: "2026" },
  },
  { path: "/api/reports/export", params: ["from", "to"], base: { view: "years", format: "csv", year: "2026" } },
  { path: "/api/import/errors", params: ["id", "format"], base: { id: "{import}", format: "csv" } },
  { path: "/api/health", params: ["q"] },
];

/** Record pages whose id is the path itself: the corpus goes into the id segment. */
export const ID_PATHS = [
  "/missions/{id}",
  "/organizations/{id}",
  "/ministries/{id}",
  "/ministries/{ministry}/programmes/{id}",
  "/contributions/{id}",
  "/import/{id}",
  "/admin/users/{id}",
];

const long = "a".repeat(5_000);

/** The classic payloads, sleeps that would show as a slow answer, and what breaks a careless parser. */
export const INJECTION_CORPUS: string[] = [
  "' OR 1=1--",
  "' OR '1'='1",
  "1 OR 1=1",
  "'; drop table users;--",
  "1; drop table contributions",
  "1) or pg_sleep(5)--",
  "1' AND SLEEP(5)--",
  "1;select pg_sleep(5)",
  "'||(select pg_sleep(5))||'",
  "1 AND 1=(SELECT 1 FROM pg_sleep(5))",
  "1 union select null,version()--",
  "’ OR 1=1 --",
  "‘; select 1;--",
  "＇ OR ＇1＇=＇1",
  "ʼ OR 1=1--",
  "%00",
  "1\u0000",
  "\\",
  '"',
  "$$; select 1; $$",
  "%",
  "_",
  "name;select version()",
  "name.desc;select pg_sleep(5)",
  "(case when (select 1)=1 then name else email end)",
  "(select pg_sleep(5))",
  "name.desc,(select 1)",
  "__proto__",
  "constructor",
  "1e309",
  "-1",
  "0",
  "2147483648",
  "99999999999999999999",
  "0x10",
  "2026-02-30",
  "2026' OR '1'='1",
  long,
];

/** The few that matter most, sent to each parameter on its own (the full corpus goes to all at once). */
export const CORE_CORPUS: string[] = ["' OR 1=1--", "1) or pg_sleep(5)--", "name;select version()", "(case when (select 1)=1 then name else email end)", "’ OR 1=1 --", "%00", long];

/** Text a database error or a stack trace leaves in a response; none may reach the browser. */
export const LEAK_PATTERNS: RegExp[] = [
  /syntax error at or near/i,
  /unterminated quoted string/i,
  /invalid input syntax/i,
  /relation "[^"]*" does not exist/i,
  /column "[^"]*" does not exist/i,
  /SQLSTATE/i,
  /PostgresError|postgres\.js|node_modules\/postgres/i,
  /DrizzleQueryError|Failed query:/i,
  /\bat [\w.$<>]+ \((?:file:\/\/|\/)[^)]*:\d+:\d+\)/,
  /\/work\/|\.next\/server/,
];

/** An answer slower than this hides a pg_sleep (the corpus sleeps 5 s). */
export const SLOW_MS = 4_000;

/** A valid value of each parameter, for sqlmap's starting URL (a refused one would hide the query behind a 400). */
const SAMPLE: Record<string, string> = {
  q: "a",
  sort: "name",
  page: "1",
  perPage: "25",
  hide: "notes",
  pQ: "0",
  pSort: "code",
  pPage: "1",
  pPerPage: "25",
  pHide: "validTo",
  country: "AT",
  kind: "assessed",
  ministry: "{ministry}",
  mission: "1",
  role: "lead",
  year: "2026",
  currency: "USD",
  org: "1",
  group: "ministry",
  from: "2022",
  to: "2026",
  view: "ministry",
  sep: "semicolon",
  show: "error",
  entity: "contributions",
  user: "1",
  record: "1",
  recalcYear: "2026",
  format: "csv",
  allYears: "1",
  id: "{import}",
};

/** The URLs sqlmap attacks: each target with every parameter set to a valid value. */
export function sqlmapTargets(ids: { ministry: number; import: number | null }): string[] {
  const fill = (text: string) => text.replace("{ministry}", String(ids.ministry)).replace("{import}", String(ids.import ?? 1));
  const needsImport = (target: InjectionTarget) => target.path.includes("{import}") || Object.values(target.base ?? {}).includes("{import}");
  return [...LIST_TARGETS, ...EXPORT_TARGETS]
    .filter((target) => !target.anonymous && (ids.import !== null || !needsImport(target)))
    .map((target) => {
      const query = new URLSearchParams(Object.entries(target.base ?? {}).map(([key, value]) => [key, fill(value)]));
      for (const param of target.params) if (!query.has(param)) query.set(param, fill(target.sample?.[param] ?? SAMPLE[param] ?? "1"));
      return `${fill(target.path)}?${query}`;
    });
}

// `npx tsx e2e/security/injection-cases.ts <ministryId> [importId]`: one URL per line, for scripts/sqlmap.sh.
if (process.argv[1]?.endsWith("injection-cases.ts")) {
  const [ministry, imported] = process.argv.slice(2).map(Number);
  for (const url of sqlmapTargets({ ministry: ministry || 1, import: imported || null })) console.log(url);
}
