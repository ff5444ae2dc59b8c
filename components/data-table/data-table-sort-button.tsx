"use client";

import type { Column, RowData } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";
import type { DataTableFeatures } from "./columns";

/** A header that sorts: a real button (Tab, Enter, Space); the <th>'s aria-sort tells the current order. */
export function DataTableSortButton<TData extends RowData>({
  column,
  numeric,
  children,
}: {
  column: Column<DataTableFeatures, TData, unknown>;
  numeric?: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("dataTable");
  const direction = column.getIsSorted();
  const Icon = direction === "asc" ? ArrowUp : direction === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <button
      type="button"
      onClick={() => column.toggleSorting(direction === "asc")}
      className={cn(
        "-mx-2 inline-flex items-center gap-1 rounded-md px-2 py-1 font-medium hover:bg-muted",
        "focus-visible:ring-ring/50 outline-none focus-visible:ring-[3px]",
        numeric && "flex-row-reverse",
      )}
    >
      {children}
      <Icon aria-hidden className={cn("size-3.5", !direction && "text-muted-foreground")} />
      <span className="sr-only">{direction === "asc" ? t("sortDescending") : t("sortAscending")}</span>
    </button>
  );
}
