import { getTranslations } from "next-intl/server";
import { Table, TableBody, TableCaption, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { BudgetRow } from "@/db/queries/reports";
import { formatMoney, formatNumber, formatPercent, formatSignedMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { cn } from "@/lib/utils";
import type { BudgetView } from "../search-params";

const MONEY = ["plannedEur", "assessedEur", "paidEur", "outstandingEur"] as const;

/** The figures of a row, subtotal or total: the exact strings of the query, formatted in the reader's locale. */
function Figures({ row, locale }: { row: BudgetRow; locale: Locale }) {
  return (
    <>
      <TableCell className="text-right tabular-nums">{formatNumber(row.lineCount, locale)}</TableCell>
      {MONEY.map((key) => (
        <TableCell key={key} className="text-right tabular-nums" data-field={key}>
          {formatMoney(row[key], "EUR", locale)}
        </TableCell>
      ))}
      <TableCell className="text-right tabular-nums" data-field="varianceEur">
        {formatSignedMoney(row.varianceEur, locale)}
      </TableCell>
      <TableCell className="text-right tabular-nums" data-field="variancePct">
        {formatPercent(row.variancePct, locale)}
      </TableCell>
    </>
  );
}

/**
 * A budget view as a table: a row per ministry, programme or organization (by programme each ministry's
 * programmes, then its subtotal in bold), the grand total in the footer.
 */
export async function BudgetTable({ rows, by, locale, caption }: { rows: BudgetRow[]; by: BudgetView; locale: Locale; caption: string }) {
  const t = await getTranslations("reports");
  const ministryName = (row: BudgetRow) => (row.ministryId === null ? t("noMinistry") : ((locale === "en" ? row.ministryNameEn : row.ministryNameLv) ?? ""));
  const organizationName = (row: BudgetRow) => (locale === "en" ? row.organizationNameEn : row.organizationNameLv) ?? "";
  const labelColumns = by === "programme" ? 2 : 1;
  const body = rows.filter((row) => row.level !== "total");
  const total = rows.find((row) => row.level === "total");

  return (
    <Table className="min-w-max">
      <TableCaption className="text-foreground mb-2 caption-top text-left font-medium">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          {by === "organization" ? (
            <TableHead scope="col">{t("columns.organization")}</TableHead>
          ) : (
            <TableHead scope="col">{t("columns.ministry")}</TableHead>
          )}
          {by === "programme" && <TableHead scope="col">{t("columns.programme")}</TableHead>}
          <TableHead scope="col" className="text-right">
            {t("columns.lines")}
          </TableHead>
          {(["planned", "assessed", "paid", "outstanding", "variance", "variancePct"] as const).map((key) => (
            <TableHead key={key} scope="col" className="text-right">
              {t(`columns.${key}`)}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {body.map((row) => {
          const key = `${row.level}-${row.ministryId}-${row.programmeId}-${row.organizationId}`;
          if (row.level === "subtotal") {
            return (
              <TableRow key={key} className="bg-muted/30 font-semibold" data-level="subtotal">
                <TableHead scope="row" colSpan={labelColumns} className="font-semibold">
                  {t("subtotal", { name: ministryName(row) })}
                </TableHead>
                <Figures row={row} locale={locale} />
              </TableRow>
            );
          }
          return (
            <TableRow key={key} data-level="row">
              {by === "organization" ? (
                <TableHead scope="row" className="max-w-72 py-2 font-normal whitespace-normal">
                  <span className="font-medium">{row.acronym}</span>
                  <span className="text-muted-foreground block text-xs">{organizationName(row)}</span>
                </TableHead>
              ) : by === "programme" ? (
                <>
                  <TableCell className="max-w-72 whitespace-normal">{ministryName(row)}</TableCell>
                  <TableHead scope="row" className={cn("font-normal", row.programmeId === null && "text-muted-foreground")}>
                    {row.programmeCode ?? t("noProgramme")}
                  </TableHead>
                </>
              ) : (
                <TableHead scope="row" className="max-w-72 font-normal whitespace-normal">
                  {ministryName(row)}
                </TableHead>
              )}
              <Figures row={row} locale={locale} />
            </TableRow>
          );
        })}
      </TableBody>
      {total && (
        <TableFooter>
          <TableRow className="font-bold" data-level="total" data-testid="report-total">
            <TableHead scope="row" colSpan={labelColumns} className="text-foreground font-bold">
              {t("total")}
            </TableHead>
            <Figures row={total} locale={locale} />
          </TableRow>
        </TableFooter>
      )}
    </Table>
  );
}
