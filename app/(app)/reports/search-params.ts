import { createLoader, parseAsInteger, parseAsStringLiteral } from "nuqs/server";
import { contributionKind, type ContributionKind } from "@/db/schema/enums";
import type { Locale } from "@/lib/i18n/config";

export const REPORT_VIEWS = ["ministry", "programme", "organization", "years", "status", "completeness"] as const;
export type ReportView = (typeof REPORT_VIEWS)[number];
export const BUDGET_VIEWS = ["ministry", "programme", "organization"] as const satisfies readonly ReportView[];
export type BudgetView = (typeof BUDGET_VIEWS)[number];
export const SEPARATORS = ["semicolon", "comma"] as const;
export type Separator = (typeof SEPARATORS)[number];

/** The widest year range the years view shows, and its default length (the contract's year − 4 … year). */
export const MAX_YEARS = 15;
export const DEFAULT_YEARS = 5;
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/** The report page's URL state, shared by the filters (client, nuqs) and the page (server). */
export const reportParsers = {
  view: parseAsStringLiteral(REPORT_VIEWS),
  year: parseAsInteger,
  ministry: parseAsInteger,
  kind: parseAsStringLiteral(contributionKind.enumValues),
  from: parseAsInteger,
  to: parseAsInteger,
  sep: parseAsStringLiteral(SEPARATORS),
};

const loadReportParams = createLoader(reportParsers);

export interface ReportQuery {
  view: ReportView;
  year: number;
  ministryId: number | null;
  kind: ContributionKind | null;
  /** The years view's range; `to` is the year when not given. */
  from: number;
  to: number;
  sep: Separator;
}

export const isBudgetView = (view: ReportView): view is BudgetView => (BUDGET_VIEWS as readonly string[]).includes(view);

/** What Excel expects in the user's locale: ";" beside a decimal comma in Latvian, "," in English. */
export const defaultSeparator = (locale: Locale): Separator => (locale === "lv" ? "semicolon" : "comma");

const inRange = (value: number | null) => (value !== null && Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR ? value : null);

/**
 * The server's reading of the URL: anything out of range is as if it were not there (the year: this one);
 * a reversed range is swapped and a range longer than MAX_YEARS keeps its last MAX_YEARS years.
 */
export function parseReportQuery(searchParams: Record<string, string | string[] | undefined>, thisYear: number, locale: Locale): ReportQuery {
  const raw = loadReportParams(searchParams);
  const year = inRange(raw.year) ?? thisYear;
  let to = inRange(raw.to) ?? year;
  let from = inRange(raw.from) ?? Math.max(to - DEFAULT_YEARS + 1, MIN_YEAR);
  if (from > to) [from, to] = [to, from];
  if (to - from + 1 > MAX_YEARS) from = to - MAX_YEARS + 1;
  const ministry = raw.ministry;
  return {
    view: raw.view ?? "ministry",
    year,
    ministryId: ministry !== null && Number.isInteger(ministry) && ministry > 0 && ministry <= 2_147_483_647 ? ministry : null,
    kind: raw.kind,
    from,
    to,
    sep: raw.sep ?? defaultSeparator(locale),
  };
}

/** The export URL of the contract (app/api/reports/export): the full filtered set, never the rows on screen. */
export function exportHref(
  query: Pick<ReportQuery, "year" | "ministryId" | "kind" | "from" | "to" | "sep">,
  view: ReportView | "lines" | "all",
  format: "xlsx" | "csv" | "pdf",
): string {
  const params = new URLSearchParams({ view, format, year: String(query.year) });
  if (query.ministryId !== null) params.set("ministry", String(query.ministryId));
  if (query.kind !== null) params.set("kind", query.kind);
  if (view === "years") {
    params.set("from", String(query.from));
    params.set("to", String(query.to));
  }
  if (format === "csv") params.set("sep", query.sep);
  return `/api/reports/export?${params}`;
}
