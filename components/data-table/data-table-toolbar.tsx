"use client";

import type { ReactTable, RowData } from "@tanstack/react-table";
import { debounce } from "nuqs";
import { useLocale, useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import { Input } from "@/components/ui/input";
import { formatNumber } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import type { DataTableFeatures } from "./columns";
import { DataTableViewOptions } from "./data-table-view-options";
import { MAX_SEARCH, type TableSpec } from "./spec";
import type { TableParamsState } from "./use-table-params";

/** A filter shown above the table: a native select of the values the spec allows, or a date field. */
export type FilterControl =
  | {
      id: string;
      label: string;
      options: readonly { value: string; label: string }[];
      /** What no value means, when it is not "all" (e.g. "Active" where archived records are hidden by default). */
      emptyLabel?: string;
    }
  | { id: string; label: string; type: "date" };

const selectClass = "border-input h-9 rounded-md border bg-transparent px-2 text-sm shadow-xs";

export function DataTableToolbar<TData extends RowData>({
  table,
  spec,
  state: { params, setParams, filterValues, setFilters },
  filters,
  searchLabel,
  total,
  isPending,
  children,
}: {
  table: ReactTable<DataTableFeatures, TData>;
  spec: TableSpec;
  state: TableParamsState;
  filters: FilterControl[];
  searchLabel?: string;
  /** null while the rows could not be loaded. */
  total: number | null;
  isPending: boolean;
  children?: ReactNode;
}) {
  const t = useTranslations("dataTable");
  const locale = resolveLocale(useLocale());
  const id = useId();
  return (
    <div className="flex flex-wrap items-end gap-3">
      {searchLabel && (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-q`} className="text-sm font-medium">
            {searchLabel}
          </label>
          <Input
            id={`${id}-q`}
            type="search"
            className="w-64"
            maxLength={MAX_SEARCH}
            value={params.q}
            // The field follows every keystroke; the server is asked once typing pauses.
            onChange={(event) =>
              void setParams(
                { q: event.target.value || null, page: 1 },
                { history: "replace", limitUrlUpdates: event.target.value ? debounce(350) : undefined },
              )
            }
          />
        </div>
      )}
      {filters
        .filter((filter) => filter.id in spec.filters)
        .map((filter) => (
          <div key={filter.id} className="flex flex-col gap-1">
            <label htmlFor={`${id}-${filter.id}`} className="text-sm font-medium">
              {filter.label}
            </label>
            {"type" in filter ? (
              <Input
                id={`${id}-${filter.id}`}
                type="date"
                className="w-40"
                value={filterValues[filter.id] ?? ""}
                onChange={(event) => {
                  void setFilters({ [filter.id]: event.target.value || null });
                  void setParams({ page: 1 });
                }}
              />
            ) : (
              <select
                id={`${id}-${filter.id}`}
                className={selectClass}
                value={filterValues[filter.id] ?? ""}
                onChange={(event) => {
                  void setFilters({ [filter.id]: event.target.value || null });
                  void setParams({ page: 1 });
                }}
              >
                <option value="">{filter.emptyLabel ?? t("all")}</option>
                {filter.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </div>
        ))}
      <DataTableViewOptions table={table} />
      <p role="status" className="text-muted-foreground min-h-5 text-sm tabular-nums">
        {isPending ? t("loading") : total === null ? "" : t("rowCount", { count: total, formatted: formatNumber(total, locale) })}
      </p>
      {children && <div className="ml-auto flex flex-wrap gap-2">{children}</div>}
    </div>
  );
}
