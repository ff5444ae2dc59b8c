"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable, dataTableColumns } from "@/components/data-table";
import type { TableResult } from "@/components/data-table/spec";
import { Badge } from "@/components/ui/badge";
import type { OrganizationListRow } from "@/db/queries/organizations";
import { formatMoney } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { ORGANIZATION_KINDS, organizationsTableSpec } from "../search-params";

const column = dataTableColumns<OrganizationListRow>();

export function OrganizationsTable({
  result,
  year,
  ministries,
  missions,
}: {
  result: TableResult<OrganizationListRow>;
  year: number;
  ministries: { value: string; label: string }[];
  missions: { value: string; label: string }[];
}) {
  const t = useTranslations("organizations");
  const locale = resolveLocale(useLocale());
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor("acronym", {
          header: t("acronym"),
          meta: { label: t("acronym"), rowHeader: true, alwaysVisible: true },
          cell: ({ row, getValue }) => (
            <span className="flex flex-wrap items-center gap-2">
              <Link href={`/organizations/${row.original.id}`} className="text-primary font-medium underline-offset-4 hover:underline">
                {getValue()}
              </Link>
              {row.original.archivedAt && <Badge variant="outline">{t("archived")}</Badge>}
            </span>
          ),
        }),
        column.accessor((row) => (locale === "en" ? row.nameEn : row.nameLv), {
          id: "name",
          header: t("name"),
          meta: { label: t("name") },
          cell: ({ getValue }) => <span className="block min-w-56 whitespace-normal">{getValue()}</span>,
        }),
        column.accessor("kind", { header: t("kind"), meta: { label: t("kind") }, cell: ({ getValue }) => t(`values.kind.${getValue()}`) }),
        column.accessor((row) => (locale === "en" ? row.leadNameEn : row.leadNameLv), {
          id: "lead",
          header: t("lead"),
          meta: { label: t("lead") },
          cell: ({ getValue }) => getValue() ?? t("none"),
        }),
        column.accessor("missionNames", {
          id: "missions",
          header: t("missions"),
          meta: { label: t("missions") },
          // Missions' formal names are long: they wrap instead of pushing the totals off the screen.
          cell: ({ getValue }) => <span className="block min-w-56 text-sm whitespace-normal">{getValue() ?? t("none")}</span>,
        }),
        column.accessor((row) => row.billingCurrencies.join(", "), {
          id: "currencies",
          header: t("currencies"),
          meta: { label: t("currencies") },
          cell: ({ getValue }) => getValue() || t("none"),
        }),
        column.accessor("totalEur", {
          id: "total",
          header: t("total", { year: String(year) }),
          meta: { label: t("total", { year: String(year) }), numeric: true },
          cell: ({ getValue }) => formatMoney(getValue(), "EUR", locale),
        }),
      ]),
    [t, locale, year],
  );
  return (
    <DataTable
      spec={organizationsTableSpec}
      columns={columns}
      result={result}
      caption={t("caption")}
      getRowId={(row) => String(row.id)}
      searchLabel={t("search")}
      filters={[
        { id: "kind", label: t("kind"), options: ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`values.kind.${kind}`) })) },
        { id: "ministry", label: t("lead"), options: ministries },
        { id: "mission", label: t("mission"), options: missions },
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
