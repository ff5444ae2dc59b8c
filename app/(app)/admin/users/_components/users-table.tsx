"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable, dataTableColumns } from "@/components/data-table";
import type { TableResult } from "@/components/data-table/spec";
import { Badge } from "@/components/ui/badge";
import type { UserListRow } from "@/db/queries/users";
import { USER_ROLES } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { usersTableSpec } from "../search-params";

const column = dataTableColumns<UserListRow>();

export function UsersTable({ result, ministries }: { result: TableResult<UserListRow>; ministries: { value: string; label: string }[] }) {
  const t = useTranslations("users");
  const tUser = useTranslations("user");
  const locale = resolveLocale(useLocale());
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor("name", {
          header: t("name"),
          meta: { label: t("name"), rowHeader: true, alwaysVisible: true },
          cell: ({ row }) => (
            <Link href={`/admin/users/${row.original.id}`} className="text-primary underline-offset-4 hover:underline">
              {row.original.name}
            </Link>
          ),
        }),
        column.accessor("email", { header: t("email"), meta: { label: t("email") } }),
        column.accessor("role", { header: t("role"), meta: { label: t("role") }, cell: ({ getValue }) => tUser(`role.${getValue()}`) }),
        column.accessor((row) => (locale === "en" ? row.ministryNameEn : row.ministryNameLv), {
          id: "ministry",
          header: t("ministry"),
          meta: { label: t("ministry") },
          cell: ({ getValue }) => getValue() ?? t("allMinistries"),
        }),
        column.display({
          id: "status",
          header: t("status"),
          meta: { label: t("status") },
          cell: ({ row }) =>
            row.original.disabledAt ? (
              <Badge variant="outline">{t("disabled")}</Badge>
            ) : row.original.mustChangePassword ? (
              <Badge variant="secondary">{t("mustChangePassword")}</Badge>
            ) : (
              <Badge variant="secondary">{t("active")}</Badge>
            ),
        }),
        column.accessor("lastLoginAt", {
          id: "lastLogin",
          header: t("lastLogin"),
          meta: { label: t("lastLogin") },
          cell: ({ getValue }) => {
            const value = getValue();
            return <span className="tabular-nums">{value ? formatDate(value, locale) : t("never")}</span>;
          },
        }),
      ]),
    [t, tUser, locale],
  );
  return (
    <DataTable
      spec={usersTableSpec}
      columns={columns}
      result={result}
      caption={t("caption")}
      getRowId={(row) => String(row.id)}
      searchLabel={t("search")}
      filters={[
        { id: "role", label: t("role"), options: USER_ROLES.map((role) => ({ value: role, label: tUser(`role.${role}`) })) },
        { id: "ministry", label: t("ministry"), options: ministries },
        {
          id: "status",
          label: t("status"),
          options: [
            { value: "active", label: t("active") },
            { value: "disabled", label: t("disabled") },
          ],
        },
      ]}
    />
  );
}
