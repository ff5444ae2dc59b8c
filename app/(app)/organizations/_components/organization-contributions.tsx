import { getTranslations } from "next-intl/server";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { YearTotalRow } from "@/db/queries/organizations";
import { formatMoney, formatNumber } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { YearChart } from "./year-chart";

/** The smallest and largest yearly total, for the chart's spoken summary (compared as numbers, shown as stored). */
function extremes(rows: YearTotalRow[]) {
  const withValue = rows.map((row) => ({ year: row.year, value: row.totalEur ?? "0" }));
  const sorted = [...withValue].sort((a, b) => Number(a.value) - Number(b.value));
  return { min: sorted[0]!, max: sorted.at(-1)! };
}

/** EUR totals per year and kind (summed by the database) with a bar chart of the yearly totals. */
export async function OrganizationContributions({ rows, locale }: { rows: YearTotalRow[]; locale: Locale }) {
  const t = await getTranslations("organizations");
  if (rows.length === 0) return <p className="text-muted-foreground">{t("contribs.empty")}</p>;
  const { min, max } = extremes(rows);
  const eur = (value: string | null) => formatMoney(value, "EUR", locale);
  const label = t("contribs.chart", {
    from: String(rows[0]!.year),
    to: String(rows.at(-1)!.year),
    min: eur(min.value),
    minYear: String(min.year),
    max: eur(max.value),
    maxYear: String(max.year),
  });
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="contributions-chart" className="flex flex-col gap-3">
        <h2 id="contributions-chart" className="text-lg font-semibold">
          {t("contribs.chartHeading")}
        </h2>
        <YearChart rows={rows} label={label} />
      </section>
      <Table className="max-w-3xl">
        <TableCaption className="sr-only">{t("contribs.caption")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">{t("contribs.year")}</TableHead>
            <TableHead scope="col" className="text-right">
              {t("contribs.assessed")}
            </TableHead>
            <TableHead scope="col" className="text-right">
              {t("contribs.voluntary")}
            </TableHead>
            <TableHead scope="col" className="text-right">
              {t("contribs.total")}
            </TableHead>
            <TableHead scope="col" className="text-right">
              {t("contribs.lines")}
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {[...rows].reverse().map((row) => (
            <TableRow key={row.year}>
              <TableHead scope="row" className="font-normal tabular-nums">
                {row.year}
              </TableHead>
              <TableCell className="text-right tabular-nums">{eur(row.assessedEur)}</TableCell>
              <TableCell className="text-right tabular-nums">{eur(row.voluntaryEur)}</TableCell>
              <TableCell className="text-right font-medium tabular-nums">{eur(row.totalEur)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatNumber(row.lines, locale)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <p className="text-muted-foreground text-sm">{t("contribs.note")}</p>
    </div>
  );
}
