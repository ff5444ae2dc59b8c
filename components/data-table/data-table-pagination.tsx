"use client";

import type { ReactTable, RowData } from "@tanstack/react-table";
import { ChevronFirst, ChevronLast, ChevronLeft, ChevronRight } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import type { DataTableFeatures } from "./columns";
import { PER_PAGE_OPTIONS } from "./spec";

export function DataTablePagination<TData extends RowData>({ table, total }: { table: ReactTable<DataTableFeatures, TData>; total: number }) {
  const t = useTranslations("dataTable");
  const locale = resolveLocale(useLocale());
  const id = useId();
  const { pageIndex, pageSize } = table.state.pagination;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = pageIndex + 1;
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <div className="flex items-center gap-2">
        <label htmlFor={`${id}-per-page`}>{t("rowsPerPage")}</label>
        <select
          id={`${id}-per-page`}
          value={pageSize}
          onChange={(event) => table.setPageSize(Number(event.target.value))}
          className="border-input h-8 rounded-md border bg-transparent px-2"
        >
          {PER_PAGE_OPTIONS.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-2">
        <span className="tabular-nums">
          {t("pageOf", { page: formatNumber(page, locale), pages: formatNumber(pageCount, locale) })}
        </span>
        <Button variant="outline" size="icon" className="size-8" aria-label={t("firstPage")} disabled={pageIndex === 0} onClick={() => table.setPageIndex(0)}>
          <ChevronFirst aria-hidden />
        </Button>
        <Button variant="outline" size="icon" className="size-8" aria-label={t("previousPage")} disabled={pageIndex === 0} onClick={() => table.setPageIndex(pageIndex - 1)}>
          <ChevronLeft aria-hidden />
        </Button>
        <Button
          variant="outline"
          size="icon"
          className="size-8"
          aria-label={t("nextPage")}
          disabled={pageIndex + 1 >= pageCount}
          onClick={() => table.setPageIndex(pageIndex + 1)}
        >
          <ChevronRight aria-hidden />
        </Button>
        <Button
          variant="outline"
          size="icon"
          className="size-8"
          aria-label={t("lastPage")}
          disabled={pageIndex + 1 >= pageCount}
          onClick={() => table.setPageIndex(pageCount - 1)}
        >
          <ChevronLast aria-hidden />
        </Button>
      </div>
    </nav>
  );
}
