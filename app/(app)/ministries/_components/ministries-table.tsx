"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable, dataTableColumns } from "@/components/data-table";
import type { TableResult } from "@/components/data-table/spec";
import { Badge } from "@/components/ui/badge";
import type { MinistryListRow } from "@/db/queries/ministries";
import { formatNumber } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { MINISTRY_STATUSES, ministriesTableSpec } from "../search-params";

const column = dataTableColumns<MinistryListRow>();

export function MinistriesTable({ result }: { result: TableResult<MinistryListRow> }) {
  const t = useTranslations("ministries");
  const locale = resolveLocale(useLocale());
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor("code", {
          header: t("code"),
          meta: { label: t("code") },
          cell: ({ getValue }) => <code className="font-mono text-sm">{getValue()}</code>,
        }),
        column.accessor((row) => (locale === "en" ? row.nameEn : row.nameLv), {
          id: "name",
          header: t("name"),
          meta: { label: t("name"), rowHeader: true, alwaysVisible: true },
          cell: ({ row, getValue }) => (
            <Link href={`/ministries/${row.original.id}`} className="text-primary underline-offset-4 hover:underline">
              {getValue()}
            </Link>
          ),
        }),
        column.accessor("active", {
          header: t("status"),
          meta: { label: t("status") },
          cell: ({ getValue }) =>
            getValue() ? <Badge variant="secondary">{t("active")}</Badge> : <Badge variant="outline">{t("inactive")}</Badge>,
        }),
        column.accessor("leadCount", {
          id: "organizations",
          header: t("leadCount"),
          meta: { label: t("leadCount"), numeric: true },
          cell: ({ getValue }) => formatNumber(getValue(), locale),
        }),
        column.accessor("programmeCount", {
          id: "programmes",
          header: t("programmeCount"),
          meta: { label: t("programmeCount"), numeric: true },
          cell: ({ getValue }) => formatNumber(getValue(), locale),
        }),
      ]),
    [t, locale],
  );
  return (
    <DataTable
      spec={ministriesTableSpec}
      columns={columns}
      result={result}
      caption={t("caption")}
      getRowId={(row) => String(row.id)}
      searchLabel={t("search")}
      filters={[{ id: "status", label: t("status"), options: MINISTRY_STATUSES.map((status) => ({ value: status, label: t(status) })) }]}
    />
  );
}
