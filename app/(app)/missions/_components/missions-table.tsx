"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable, dataTableColumns } from "@/components/data-table";
import type { TableResult } from "@/components/data-table/spec";
import { Badge } from "@/components/ui/badge";
import type { MissionListRow } from "@/db/queries/missions";
import { resolveLocale } from "@/lib/i18n/config";
import { missionsTableSpec } from "../search-params";

export type MissionTableRow = MissionListRow & { countryName: string };

const column = dataTableColumns<MissionTableRow>();

export function MissionsTable({ result, countries }: { result: TableResult<MissionTableRow>; countries: { value: string; label: string }[] }) {
  const t = useTranslations("missions");
  const locale = resolveLocale(useLocale());
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor((row) => (locale === "en" ? row.nameEn : row.nameLv), {
          id: "name",
          header: t("name"),
          meta: { label: t("name"), rowHeader: true, alwaysVisible: true },
          cell: ({ row, getValue }) => (
            <span className="flex min-w-64 flex-wrap items-center gap-2 whitespace-normal">
              <Link href={`/missions/${row.original.id}`} className="text-primary underline-offset-4 hover:underline">
                {getValue()}
              </Link>
              {row.original.archivedAt && <Badge variant="outline">{t("archived")}</Badge>}
            </span>
          ),
        }),
        column.accessor("city", { header: t("city"), meta: { label: t("city") } }),
        column.accessor("countryName", { id: "country", header: t("country"), meta: { label: t("country") } }),
        column.accessor("organizationAcronyms", {
          id: "organizations",
          header: t("organizations"),
          meta: { label: t("organizations") },
          cell: ({ getValue }) => <span className="block min-w-32 whitespace-normal">{getValue() ?? t("none")}</span>,
        }),
        column.accessor("headOfMission", {
          id: "head",
          header: t("head"),
          meta: { label: t("head") },
          cell: ({ getValue }) => getValue() ?? t("none"),
        }),
      ]),
    [t, locale],
  );
  return (
    <DataTable
      spec={missionsTableSpec}
      columns={columns}
      result={result}
      caption={t("caption")}
      getRowId={(row) => String(row.id)}
      searchLabel={t("search")}
      filters={[
        { id: "country", label: t("country"), options: countries },
        {
          id: "status",
          label: t("status"),
          emptyLabel: t("statusActive"),
          options: [
            { value: "archived", label: t("statusArchived") },
            { value: "all", label: t("statusAll") },
          ],
        },
      ]}
    />
  );
}
