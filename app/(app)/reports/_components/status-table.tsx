import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCaption, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { StatusRow } from "@/db/queries/reports";
import { formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

const MONEY = ["assessedEur", "paidEur", "outstandingEur"] as const;

/** The status of each organization's contributions the way the UN reports its members, with a total row. */
export async function StatusTable({ rows, locale, caption }: { rows: StatusRow[]; locale: Locale; caption: string }) {
  const t = await getTranslations("reports");
  const total = rows.find((row) => row.level === "total");
  const overdue = (row: StatusRow) => (row.overdue ? formatMoney(row.overdueEur, "EUR", locale) : t("notOverdue"));

  return (
    <Table className="min-w-max">
      <TableCaption className="text-foreground mb-2 caption-top text-left font-medium">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{t("columns.organization")}</TableHead>
          {(["assessed", "paid", "outstanding"] as const).map((key) => (
            <TableHead key={key} scope="col" className="text-right">
              {t(`columns.${key}`)}
            </TableHead>
          ))}
          <TableHead scope="col">{t("columns.state")}</TableHead>
          <TableHead scope="col" className="text-right">
            {t("columns.overdue")}
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows
          .filter((row) => row.level === "row")
          .map((row) => (
            <TableRow key={row.organizationId} data-level="row">
              <TableHead scope="row" className="max-w-72 py-2 font-normal whitespace-normal">
                <span className="font-medium">{row.acronym}</span>
                <span className="text-muted-foreground block text-xs">{locale === "en" ? row.nameEn : row.nameLv}</span>
              </TableHead>
              {MONEY.map((key) => (
                <TableCell key={key} className="text-right tabular-nums" data-field={key}>
                  {formatMoney(row[key], "EUR", locale)}
                </TableCell>
              ))}
              <TableCell>{row.state && <Badge variant={row.state === "paid" ? "secondary" : "outline"}>{t(`states.${row.state}`)}</Badge>}</TableCell>
              <TableCell className={row.overdue ? "text-destructive text-right font-medium tabular-nums" : "text-muted-foreground text-right"}>{overdue(row)}</TableCell>
            </TableRow>
          ))}
      </TableBody>
      {total && (
        <TableFooter>
          <TableRow className="font-bold" data-level="total" data-testid="report-total">
            <TableHead scope="row" className="text-foreground font-bold">
              {t("total")}
            </TableHead>
            {MONEY.map((key) => (
              <TableCell key={key} className="text-right tabular-nums" data-field={key}>
                {formatMoney(total[key], "EUR", locale)}
              </TableCell>
            ))}
            <TableCell />
            <TableCell className="text-right tabular-nums">{overdue(total)}</TableCell>
          </TableRow>
        </TableFooter>
      )}
    </Table>
  );
}
