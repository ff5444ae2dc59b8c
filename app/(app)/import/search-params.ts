import { createLoader, createSerializer, parseAsInteger, parseAsStringLiteral } from "nuqs/server";
import type { ImportCounts, RowClass } from "@/db/queries/import-plan";

/** The dry run's row groups, in the order the summary lists them (db/queries/import-plan.ts ROW_CLASSES). */
export const SHOW_CLASSES = ["error", "changed", "new", "unchanged", "skipped"] as const satisfies readonly RowClass[];
export const PLAN_PAGE_SIZE = 100;

/** The import page's URL state: which group of rows, and which page of it. */
export const importParsers = {
  show: parseAsStringLiteral(SHOW_CLASSES),
  page: parseAsInteger,
};

const loadImportParams = createLoader(importParsers);
export const importHref = createSerializer(importParsers);

/** The group to show first: the errors when there are any (they need the reader), else what would change. */
export function defaultShow(counts: ImportCounts): RowClass {
  return SHOW_CLASSES.find((rowClass) => counts[rowClass] > 0) ?? "changed";
}

export function parseImportQuery(searchParams: Record<string, string | string[] | undefined>, counts: ImportCounts) {
  const raw = loadImportParams(searchParams);
  const show = raw.show ?? defaultShow(counts);
  const pages = Math.max(1, Math.ceil(counts[show] / PLAN_PAGE_SIZE));
  const page = raw.page !== null && Number.isInteger(raw.page) && raw.page >= 1 ? Math.min(raw.page, pages) : 1;
  return { show, page, pages };
}
