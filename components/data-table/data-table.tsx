"use client";

import { functionalUpdate, useTable, type PaginationState, type SortingState, type RowData, type Updater } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useTransition, type ReactNode } from "react";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import { dataTableFeatures, type DataTableColumn } from "./columns";
import { DataTableError } from "./data-table-error";
import { DataTablePagination } from "./data-table-pagination";
import { DataTableSortButton } from "./data-table-sort-button";
import { DataTableToolbar, type FilterControl } from "./data-table-toolbar";
import type { TableResult, TableSpec } from "./spec";
import { useTableParams } from "./use-table-params";

const NO_ROWS: never[] = [];

/**
 * The app's one list: a real <table> whose sorting, filtering, search and paging happen on the server, with
 * the state in the URL (shareable, survives reload and the back button). The page parses the URL with the
 * same spec (`parseTableQuery`), runs the query and passes its result here.
 */
export function DataTable<TData extends RowData>({
  spec,
  columns,
  result,
  caption,
  getRowId,
  filters = [],
  searchLabel,
  toolbar,
  empty,
}: {
  spec: TableSpec;
  /** Stable: defined at module scope or memoized by the caller. */
  columns: DataTableColumn<TData>[];
  result: TableResult<TData>;
  /** Says what the table lists; read by screen readers, shown to nobody else. */
  caption: string;
  getRowId: (row: TData) => string;
  filters?: FilterControl[];
  /** Label of the search field; without it the table has no search. */
  searchLabel?: string;
  /** Buttons beside the filters (e.g. "New mission"). */
  toolbar?: ReactNode;
  /** Text for a query without rows. */
  empty?: string;
}) {
  const t = useTranslations("dataTable");
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const state = useTableParams(spec, startTransition);
  const { params, setParams, filterValues } = state;
  const rows = result.ok ? result.rows : NO_ROWS;
  const total = result.ok ? result.total : 0;

  const sorting: SortingState = useMemo(() => [params.sort], [params.sort]);
  const pagination: PaginationState = useMemo(
    () => ({ pageIndex: params.page - 1, pageSize: params.perPage }),
    [params.page, params.perPage],
  );
  const columnVisibility = useMemo(() => Object.fromEntries(params.hide.map((id) => [id, false])), [params.hide]);

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: rows,
    getRowId,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    state: { sorting, pagination, columnVisibility },
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = functionalUpdate(updater, sorting);
      void setParams({ sort: next ?? spec.defaultSort, page: 1 });
    },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = functionalUpdate(updater, pagination);
      void setParams({ page: next.pageIndex + 1, perPage: next.pageSize });
    },
    onColumnVisibilityChange: (updater) => {
      const next = functionalUpdate(updater, columnVisibility);
      void setParams({ hide: Object.keys(next).filter((id) => next[id] === false) });
    },
  });

  const visibleColumns = table.getVisibleLeafColumns().length;
  return (
    <div className="flex flex-col gap-3">
      <DataTableToolbar
        table={table}
        spec={spec}
        state={state}
        filters={filters}
        searchLabel={searchLabel}
        total={result.ok ? total : null}
        isPending={isPending}
      >
        {toolbar}
      </DataTableToolbar>
      <div className={cn("rounded-md border transition-opacity", isPending && "opacity-60")}>
        <Table aria-busy={isPending || undefined}>
          <TableCaption className="sr-only">{caption}</TableCaption>
          <TableHeader>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const sortable = spec.sortable.includes(header.column.id);
                  const direction = sortable ? header.column.getIsSorted() : false;
                  return (
                    <TableHead
                      key={header.id}
                      scope="col"
                      aria-sort={direction ? (direction === "desc" ? "descending" : "ascending") : undefined}
                      className={cn(meta?.numeric && "text-right")}
                    >
                      {header.isPlaceholder ? null : sortable ? (
                        <DataTableSortButton column={header.column} numeric={meta?.numeric}>
                          <table.FlexRender header={header} />
                        </DataTableSortButton>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </TableHead>
                  );
                })}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {!result.ok ? (
              <TableRow>
                <TableCell colSpan={visibleColumns}>
                  <DataTableError onRetry={() => startTransition(() => router.refresh())} />
                </TableCell>
              </TableRow>
            ) : rows.length === 0 ? (
              <TableRow>
                <TableCell colSpan={visibleColumns} className="text-muted-foreground py-8 text-center">
                  {params.q || Object.values(filterValues).some(Boolean) ? t("noMatches") : (empty ?? t("empty"))}
                </TableCell>
              </TableRow>
            ) : (
              table.getRowModel().rows.map((row) => (
                <TableRow key={row.id}>
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta;
                    const Cell = meta?.rowHeader ? TableHead : TableCell;
                    return (
                      <Cell
                        key={cell.id}
                        scope={meta?.rowHeader ? "row" : undefined}
                        className={cn(meta?.rowHeader && "font-normal", meta?.numeric && "text-right tabular-nums")}
                      >
                        <table.FlexRender cell={cell} />
                      </Cell>
                    );
                  })}
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
      {result.ok && <DataTablePagination table={table} total={total} />}
    </div>
  );
}
