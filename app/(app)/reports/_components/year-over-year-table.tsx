import { getTranslations } from "next-intl/server";
import { Table, TableBody, TableCaption, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { YearOverYearReport } from "@/db/queries/reports";
import { formatMoney, formatPercent, formatSignedMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

/** A year's total with its change against the year before (in EUR and per cent) under it. */
async function YearFigure({ year, total, changeEur, changePct, locale }: { year: number; total: string | null; changeEur: string | null; changePct: string | null; locale: Locale }) {
  const t = await getTranslations("reports");
  return (
    <div className="flex flex-col items-end gap-0.5">
      <span data-year={year}>{formatMoney(total, "EUR", locale)}</span>
      <span className="text-muted-foreground text-xs font-normal">
        <span className="sr-only">{t("changeAgainst", { year: String(year - 1) })} </span>
        {changeEur === null ? "—" : `${formatSignedMoney(changeEur, locale)} (${formatPercent(changePct, locale)})`}
      </span>
    </div>
  );
}

/** Organizations down, years across, the change against the year before in each cell; the footer totals each year. */
export async function YearOverYearTable({ report, locale, caption }: { report: YearOverYearReport; locale: Locale; caption: string }) {
  const t = await getTranslations("reports");
  return (
    <Table className="min-w-max">
      <TableCaption className="text-foreground mb-2 caption-top text-left font-medium">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col" className="bg-background sticky left-0 z-10">
            {t("columns.organization")}
          </TableHead>
          {report.years.map((year) => (
            <TableHead key={year} scope="col" className="text-right tabular-nums">
              {year}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {report.rows.map((row) => (
          <TableRow key={row.organizationId} data-level="row">
            <TableHead scope="row" className="bg-background sticky left-0 z-10 max-w-64 py-2 font-normal whitespace-normal">
              <span className="font-medium">{row.acronym}</span>
              <span className="text-muted-foreground block text-xs">{locale === "en" ? row.nameEn : row.nameLv}</span>
            </TableHead>
            {report.years.map((year, i) => (
              <TableCell key={year} className="text-right align-top tabular-nums">
                <YearFigure year={year} total={row.totals[i] ?? null} changeEur={row.changeEur[i] ?? null} changePct={row.changePct[i] ?? null} locale={locale} />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow className="font-bold" data-level="total" data-testid="report-total">
          <TableHead scope="row" className="bg-muted text-foreground sticky left-0 z-10 font-bold">
            {t("total")}
          </TableHead>
          {report.years.map((year, i) => (
            <TableCell key={year} className="text-right align-top tabular-nums" data-testid={`report-total-${year}`}>
              <YearFigure
                year={year}
                total={report.total.totals[i] ?? null}
                changeEur={report.total.changeEur[i] ?? null}
                changePct={report.total.changePct[i] ?? null}
                locale={locale}
              />
            </TableCell>
          ))}
        </TableRow>
      </TableFooter>
    </Table>
  );
}
