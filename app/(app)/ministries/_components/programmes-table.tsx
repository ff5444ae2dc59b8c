"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable, dataTableColumns } from "@/components/data-table";
import type { TableResult } from "@/components/data-table/spec";
import { Button } from "@/components/ui/button";
import type { ProgrammeListRow } from "@/db/queries/ministries";
import { resolveLocale } from "@/lib/i18n/config";
import { programmesTableSpec } from "../search-params";

const column = dataTableColumns<ProgrammeListRow>();

/** A ministry's budget programmes; years are shown as written (no digit grouping: "2025", not "2 025"). */
export function ProgrammesTable({
  ministryId,
  result,
  canEdit,
}: {
  ministryId: number;
  result: TableResult<ProgrammeListRow>;
  canEdit: boolean;
}) {
  const t = useTranslations("programmes");
  const locale = resolveLocale(useLocale());
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor("code", {
          header: t("code"),
          meta: { label: t("code"), rowHeader: true, alwaysVisible: true },
          cell: ({ row, getValue }) => (
            <Link
              href={`/ministries/${ministryId}/programmes/${row.original.id}`}
              className="text-primary font-mono underline-offset-4 hover:underline"
            >
              {getValue()}
            </Link>
          ),
        }),
        column.accessor((row) => (locale === "en" ? row.nameEn : row.nameLv), {
          id: "name",
          header: t("name"),
          meta: { label: t("name") },
          cell: ({ getValue }) => <span className="block min-w-48 whitespace-normal">{getValue()}</span>,
        }),
        column.accessor("validFromYear", { id: "validFrom", header: t("validFrom"), meta: { label: t("validFrom"), numeric: true } }),
        column.accessor("validToYear", {
          id: "validTo",
          header: t("validTo"),
          meta: { label: t("validTo"), numeric: true },
          cell: ({ getValue }) => getValue() ?? t("inForce"),
        }),
      ]),
    [t, locale, ministryId],
  );
  return (
    <DataTable
      spec={programmesTableSpec}
      columns={columns}
      result={result}
      caption={t("caption")}
      getRowId={(row) => String(row.id)}
      searchLabel={t("search")}
      empty={t("empty")}
      toolbar={
        canEdit && (
          <Button asChild>
            <Link href={`/ministries/${ministryId}/programmes/new`}>{t("new")}</Link>
          </Button>
        )
      }
    />
  );
}
