import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { MinistryResponsibilityRow } from "@/db/queries/ministries";
import { formatDate } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";

/** What the ministry answers for now, with its role; changed in the responsibility matrix, not here. */
export async function MinistryOrganizations({ rows }: { rows: MinistryResponsibilityRow[] }) {
  const [t, locale] = await Promise.all([getTranslations("ministries"), getLocale().then(resolveLocale)]);
  if (rows.length === 0) return <p className="text-muted-foreground">{t("orgs.empty")}</p>;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-muted-foreground text-sm">{t("orgs.intro")}</p>
      <div className="rounded-md border">
        <Table>
          <TableCaption className="sr-only">{t("orgs.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">{t("orgs.acronym")}</TableHead>
              <TableHead scope="col">{t("orgs.name")}</TableHead>
              <TableHead scope="col">{t("orgs.role")}</TableHead>
              <TableHead scope="col">{t("orgs.since")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id}>
                <TableHead scope="row" className="font-normal">
                  <Link href={`/organizations/${row.organizationId}`} className="text-primary underline-offset-4 hover:underline">
                    {row.acronym}
                  </Link>
                </TableHead>
                <TableCell className="whitespace-normal">
                  <span className="flex flex-wrap items-center gap-2">
                    {locale === "en" ? row.nameEn : row.nameLv}
                    {row.archived && <Badge variant="outline">{t("orgs.archived")}</Badge>}
                  </span>
                </TableCell>
                <TableCell>{t(`roles.${row.role}`)}</TableCell>
                <TableCell className="tabular-nums">{formatDate(row.validFrom, locale)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
