import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { FiscalYearRow } from "@/db/queries/fiscal-years";
import { formatDateTime, formatMoney, formatNumber } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { YearActions } from "./year-actions";

/** A handful of rows (one per year): a plain table, no paging or URL state needed. */
export function FiscalYearsTable({ years, locale }: { years: FiscalYearRow[]; locale: Locale }) {
  const t = useTranslations("fiscalYears");
  if (years.length === 0) return <p className="text-muted-foreground">{t("empty")}</p>;
  return (
    <div className="rounded-md border">
      <Table>
        <TableCaption className="sr-only">{t("caption")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">{t("year")}</TableHead>
            <TableHead scope="col">{t("status")}</TableHead>
            <TableHead scope="col">{t("closedAt")}</TableHead>
            <TableHead scope="col">{t("closedBy")}</TableHead>
            <TableHead scope="col" className="text-right">
              {t("contributions")}
            </TableHead>
            <TableHead scope="col" className="text-right">
              {t("payments")}
            </TableHead>
            <TableHead scope="col" className="text-right">
              {t("amountEur")}
            </TableHead>
            <TableHead scope="col" className="text-right">
              {t("paidEur")}
            </TableHead>
            <TableHead scope="col">{t("actionsColumn")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {years.map((row) => (
            <TableRow key={row.year}>
              <TableHead scope="row" className="font-normal tabular-nums">
                {row.year}
              </TableHead>
              <TableCell>
                <Badge variant={row.closedAt ? "outline" : "secondary"}>{row.closedAt ? t("closed") : t("open")}</Badge>
              </TableCell>
              <TableCell className="tabular-nums">{row.closedAt ? formatDateTime(row.closedAt, locale) : "—"}</TableCell>
              <TableCell>{row.closedByName ?? "—"}</TableCell>
              <TableCell className="text-right tabular-nums">{formatNumber(row.contributionCount, locale)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatNumber(row.paymentCount, locale)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatMoney(row.amountEur, "EUR", locale)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatMoney(row.paidEur, "EUR", locale)}</TableCell>
              <TableCell>
                <YearActions year={row.year} closed={row.closedAt !== null} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
