import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Table, TableBody, TableCaption, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listMissionContributions } from "@/db/queries/missions";
import { formatMoney } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";

/** The year's contribution lines of the organizations the mission covers, with the EUR total from SQL. */
export async function MissionContributions({ missionId, year }: { missionId: number; year: number }) {
  const [{ rows, totalEur }, t, locale] = await Promise.all([
    listMissionContributions({ missionId, year }),
    getTranslations("missions"),
    getLocale().then(resolveLocale),
  ]);
  if (rows.length === 0) return <p className="text-muted-foreground">{t("contribs.empty", { year })}</p>;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-muted-foreground">{t("contribs.intro", { year })}</p>
      <div className="rounded-md border">
        <Table>
          <TableCaption className="sr-only">{t("contribs.caption", { year })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">{t("contribs.organization")}</TableHead>
              <TableHead scope="col">{t("contribs.kind")}</TableHead>
              <TableHead scope="col" className="text-right">
                {t("contribs.amount")}
              </TableHead>
              <TableHead scope="col" className="text-right">
                {t("contribs.amountEur")}
              </TableHead>
              <TableHead scope="col">{t("contribs.status")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id}>
                <TableHead scope="row" className="font-normal whitespace-normal">
                  <Link href={`/organizations/${row.organizationId}`} className="text-primary underline underline-offset-4">
                    {row.acronym}
                  </Link>{" "}
                  <span className="text-muted-foreground">{locale === "en" ? row.nameEn : row.nameLv}</span>
                </TableHead>
                <TableCell>{t(`contributionKind.${row.kind}`)}</TableCell>
                <TableCell className="text-right tabular-nums">{row.currency ? formatMoney(row.amount, row.currency, locale) : t("none")}</TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(row.amountEur, "EUR", locale)}</TableCell>
                <TableCell>{t(`contributionStatus.${row.status}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableHead scope="row" colSpan={3}>
                {t("contribs.total")}
              </TableHead>
              <TableCell className="text-right font-medium tabular-nums" data-testid="mission-contributions-total">
                {formatMoney(totalEur, "EUR", locale)}
              </TableCell>
              <TableCell />
            </TableRow>
          </TableFooter>
        </Table>
      </div>
    </div>
  );
}
