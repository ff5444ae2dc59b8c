"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable, dataTableColumns } from "@/components/data-table";
import type { TableResult } from "@/components/data-table/spec";
import { auditTableSpec } from "../search-params";

export interface AuditDisplayRow {
  id: string;
  at: string;
  user: string;
  entity: string;
  entityId: string | null;
  href: string | null;
  action: string;
  requestId: string | null;
  changes: { field: string; before: string; after: string }[];
}

const column = dataTableColumns<AuditDisplayRow>();

export function AuditTable({
  result,
  entities,
  users,
}: {
  result: TableResult<AuditDisplayRow>;
  entities: { value: string; label: string }[];
  users: { value: string; label: string }[];
}) {
  const t = useTranslations("audit");
  const tHistory = useTranslations("history");
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor("at", { header: t("at"), meta: { label: t("at"), rowHeader: true, alwaysVisible: true } }),
        column.accessor("user", { header: t("user"), meta: { label: t("user") } }),
        column.accessor("entity", {
          id: "entity",
          header: t("entity"),
          meta: { label: t("entity") },
          cell: ({ row }) =>
            row.original.href ? (
              <Link href={row.original.href} className="text-primary underline-offset-4 hover:underline">
                {row.original.entity} #{row.original.entityId}
              </Link>
            ) : (
              <>
                {row.original.entity}
                {row.original.entityId ? ` #${row.original.entityId}` : ""}
              </>
            ),
        }),
        column.accessor("action", { header: t("action"), meta: { label: t("action") } }),
        column.display({
          id: "changes",
          header: t("changes"),
          meta: { label: t("changes") },
          cell: ({ row }) =>
            row.original.changes.length === 0 ? (
              t("noChanges")
            ) : (
              <ul className="flex max-w-2xl min-w-64 flex-col gap-0.5 break-words whitespace-normal">
                {row.original.changes.map((change) => (
                  <li key={change.field}>
                    <span className="font-medium">{change.field}</span>: <span className="text-muted-foreground">{change.before}</span>
                    <span aria-label={tHistory("after")}> → </span>
                    {change.after}
                  </li>
                ))}
              </ul>
            ),
        }),
        column.accessor("requestId", { header: t("requestId"), meta: { label: t("requestId") }, cell: ({ getValue }) => getValue() ?? "—" }),
      ]),
    [t, tHistory],
  );
  return (
    <DataTable
      spec={auditTableSpec}
      columns={columns}
      result={result}
      caption={t("caption")}
      getRowId={(row) => row.id}
      searchLabel={t("search")}
      filters={[
        { id: "entity", label: t("entity"), options: entities },
        { id: "user", label: t("user"), options: users },
        { id: "from", label: t("from"), type: "date" },
        { id: "to", label: t("to"), type: "date" },
      ]}
    />
  );
}
