import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Table, TableBody, TableCaption, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { YearCell, YearMatrix } from "@/db/queries/contribution-years";
import { formatMoney, formatSignedMoney } from "@/lib/format";
import { intlLocale, type Locale } from "@/lib/i18n/config";

/** The change as "+1 234,56 €" and "+2,3 %": signed, from the decimal strings as computed (Intl formats strings exactly). */
function formatChange(change: NonNullable<YearCell["change"]>, locale: Locale): string {
  const eur = formatSignedMoney(change.eur, locale);
  if (change.ratio === null) return eur;
  const percent = new Intl.NumberFormat(intlLocale[locale], {
    style: "percent",
    signDisplay: "exceptZero",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(change.ratio as unknown as number);
  return `${eur} (${percent})`;
}

const gridHref = (year: number, organizationId?: number) =>
  organizationId === undefined ? `/contributions?year=${year}` : `/contributions?year=${year}&org=${organizationId}`;

async function AmountCell({ cell, href, linkSuffix, locale }: { cell: YearCell; href: string; linkSuffix: string; locale: Locale }) {
  const t = await getTranslations("contributionYears");
  return (
    <div className="flex flex-col items-end gap-0.5">
      <Link href={href} className="text-primary font-medium underline-offset-4 hover:underline" data-year={cell.year}>
        {formatMoney(cell.totalEur, "EUR", locale)}
        <span className="sr-only"> — {linkSuffix}</span>
      </Link>
      <span className="text-muted-foreground text-xs">
        <span className="sr-only">{t("changeAgainst", { year: String(cell.year - 1) })} </span>
        {cell.change ? formatChange(cell.change, locale) : "—"}
      </span>
    </div>
  );
}

/**
 * Organizations down, years across: each cell the EUR total of the year with its change against the year
 * before, and a link to that year's grid filtered to the organization. The footer row totals each year.
 */
export async function YearMatrixTable({ matrix, locale, caption }: { matrix: YearMatrix; locale: Locale; caption: string }) {
  const t = await getTranslations("contributionYears");
  const name = (row: { nameLv: string; nameEn: string }) => (locale === "en" ? row.nameEn : row.nameLv);
  return (
    <Table className="min-w-max">
      <TableCaption className="text-foreground mb-2 caption-top text-left font-medium">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col" className="bg-background sticky left-0 z-10">
            {t("organization")}
          </TableHead>
          {matrix.years.map((year) => (
            <TableHead key={year} scope="col" className="text-right tabular-nums">
              {year}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {matrix.rows.map((row) => (
          <TableRow key={row.organizationId} data-testid="year-matrix-row">
            <TableHead scope="row" className="bg-background sticky left-0 z-10 max-w-64 py-2 font-normal whitespace-normal">
              <span className="font-medium">{row.acronym}</span>
              <span className="text-muted-foreground block text-xs">{name(row)}</span>
            </TableHead>
            {row.cells.map((cell) => (
              <TableCell key={cell.year} className="text-right align-top tabular-nums">
                <AmountCell
                  cell={cell}
                  href={gridHref(cell.year, row.organizationId)}
                  linkSuffix={t("openYear", { year: String(cell.year), organization: row.acronym })}
                  locale={locale}
                />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableHead scope="row" className="bg-muted sticky left-0 z-10">
            {t("total")}
          </TableHead>
          {matrix.totals.map((cell) => (
            <TableCell key={cell.year} className="text-right align-top tabular-nums" data-testid={`year-total-${cell.year}`}>
              <AmountCell cell={cell} href={gridHref(cell.year)} linkSuffix={t("openYearTotal", { year: String(cell.year) })} locale={locale} />
            </TableCell>
          ))}
        </TableRow>
      </TableFooter>
    </Table>
  );
}
