/**
 * The report exports (app/api/reports/export): GET route handlers, not server actions, so they are not in
 * the action manifest and get their own cases. Every view in every format it allows, for the demo year.
 */
export const EXPORT_YEAR = 2026;

const VIEWS = ["ministry", "programme", "organization", "years", "status", "completeness", "lines"] as const;
const FORMATS = ["xlsx", "csv", "pdf"] as const;

export const exportUrls: string[] = [
  ...VIEWS.flatMap((view) => FORMATS.map((format) => `/api/reports/export?view=${view}&format=${format}&year=${EXPORT_YEAR}`)),
  `/api/reports/export?view=all&format=xlsx&year=${EXPORT_YEAR}`,
  `/api/reports/export?view=lines&format=csv&year=${EXPORT_YEAR}&allYears=1`,
  `/api/reports/export?view=years&format=xlsx&year=${EXPORT_YEAR}&from=2022&to=2026`,
];

/** Parameters the strict schema must refuse with a 400 (never a 500, never a file). */
export const badExportQueries: string[] = [
  "view=all&format=csv&year=2026",
  "view=lines&format=xls&year=2026",
  "view=lines&format=csv&year=abc",
  "view=lines&format=csv&year=1e3",
  "view=lines&format=csv",
  "view=bogus&format=csv&year=2026",
  "view=lines&format=csv&year=2026&ministryId=1",
  "view=lines&format=csv&year=2026&ministry=1%20or%201=1",
  "view=lines&format=csv&year=2026&kind=assessed'--",
  "view=lines&format=xlsx&year=2026&sep=comma",
  "view=lines&format=csv&year=2026&sep=tab",
  "view=years&format=csv&year=2026&from=2026&to=2020",
  "view=status&format=csv&year=2026&allYears=1",
];

/** The first bytes of a file of each format: none of them may reach a caller who is denied. */
export const FILE_SIGNATURES = ["PK", "%PDF", "\uFEFF"];
