import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { UserListRow } from "@/db/queries/users";
import { formatDate } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

export async function UsersTable({ rows, locale }: { rows: UserListRow[]; locale: Locale }) {
  const [t, tUser] = await Promise.all([getTranslations("users"), getTranslations("user")]);
  return (
    <Table>
      <TableCaption className="sr-only">{t("caption")}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{t("name")}</TableHead>
          <TableHead scope="col">{t("email")}</TableHead>
          <TableHead scope="col">{t("role")}</TableHead>
          <TableHead scope="col">{t("ministry")}</TableHead>
          <TableHead scope="col">{t("status")}</TableHead>
          <TableHead scope="col">{t("lastLogin")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id}>
            <TableHead scope="row" className="font-normal">
              <Link href={`/admin/users/${row.id}`} className="text-primary underline-offset-4 hover:underline">
                {row.name}
              </Link>
            </TableHead>
            <TableCell>{row.email}</TableCell>
            <TableCell>{tUser(`role.${row.role}`)}</TableCell>
            <TableCell>{(locale === "en" ? row.ministryNameEn : row.ministryNameLv) ?? t("allMinistries")}</TableCell>
            <TableCell>
              {row.disabledAt ? (
                <Badge variant="outline">{t("disabled")}</Badge>
              ) : row.mustChangePassword ? (
                <Badge variant="secondary">{t("mustChangePassword")}</Badge>
              ) : (
                <Badge variant="secondary">{t("active")}</Badge>
              )}
            </TableCell>
            <TableCell className="tabular-nums">{row.lastLoginAt ? formatDate(row.lastLoginAt, locale) : t("never")}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
