import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { OrganizationMissionRow } from "@/db/queries/organizations";
import { intlLocale, type Locale } from "@/lib/i18n/config";

/** The missions that represent Latvia in the organization (their coverage is edited on the mission's page). */
export async function OrganizationMissions({ rows, locale }: { rows: OrganizationMissionRow[]; locale: Locale }) {
  const t = await getTranslations("organizations");
  if (rows.length === 0) return <p className="text-muted-foreground">{t("missionsTab.empty")}</p>;
  // Rendered on the server only, so the browser's ICU data cannot name a country differently (hydration).
  const countries = new Intl.DisplayNames([intlLocale[locale]], { type: "region" });
  return (
    <Table className="max-w-4xl">
      <TableCaption className="sr-only">{t("missionsTab.caption")}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{t("missionsTab.name")}</TableHead>
          <TableHead scope="col">{t("missionsTab.city")}</TableHead>
          <TableHead scope="col">{t("missionsTab.country")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id}>
            <TableHead scope="row" className="font-normal whitespace-normal">
              <span className="flex flex-wrap items-center gap-2">
                <Link href={`/missions/${row.id}`} className="text-primary underline-offset-4 hover:underline">
                  {locale === "en" ? row.nameEn : row.nameLv}
                </Link>
                {row.archivedAt && <Badge variant="outline">{t("archived")}</Badge>}
              </span>
            </TableHead>
            <TableCell>{row.city}</TableCell>
            <TableCell>{countries.of(row.countryCode) ?? row.countryCode}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
