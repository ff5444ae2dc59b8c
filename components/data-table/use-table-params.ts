"use client";

import { useQueryStates } from "nuqs";
import { useMemo, type TransitionStartFunction } from "react";
import { filterParsers, MAX_PAGE, PER_PAGE_OPTIONS, tableParsers, tableUrlKeys, type TableSpec } from "./spec";

/**
 * The table's URL state: paging, sort, search and hidden columns, and the table's own filters. nuqs merges
 * updates made in one tick into one URL change. `shallow: false` asks the server for the new rows; the
 * transition keeps the old rows on screen (dimmed, `aria-busy`) until they arrive.
 */
export function useTableParams(spec: TableSpec, startTransition: TransitionStartFunction) {
  const parsers = useMemo(() => tableParsers(spec), [spec]);
  const filters = useMemo(() => filterParsers(spec), [spec]);
  // "push": Back undoes a sort, filter or page change (the search field replaces, or every keystroke would be a step).
  const options = { shallow: false, startTransition, scroll: false, history: "push" } as const;
  const [raw, setParams] = useQueryStates(parsers, { ...options, urlKeys: tableUrlKeys(spec, Object.keys(parsers)) });
  const [rawFilters, setFilters] = useQueryStates(filters, { ...options, urlKeys: tableUrlKeys(spec, Object.keys(filters)) });
  // Show what the server did with the URL (parseTableQuery): an unknown sort or page size is its default there too.
  const params = useMemo(
    () => ({
      ...raw,
      sort: spec.sortable.includes(raw.sort.id) ? raw.sort : spec.defaultSort,
      perPage: (PER_PAGE_OPTIONS as readonly number[]).includes(raw.perPage) ? raw.perPage : (spec.perPage ?? 25),
      page: raw.page >= 1 && raw.page <= MAX_PAGE ? raw.page : 1,
    }),
    [raw, spec],
  );
  const filterValues = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(rawFilters).map(([key, value]) => {
          const allowed = spec.filters[key];
          return [key, Array.isArray(allowed) && value !== null && !allowed.includes(value) ? null : value];
        }),
      ),
    [rawFilters, spec],
  );
  return { params, setParams, filterValues, setFilters };
}

export type TableParamsState = ReturnType<typeof useTableParams>;
