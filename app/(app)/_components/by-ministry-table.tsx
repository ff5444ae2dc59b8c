import { getTranslations } from "next-intl/server";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { DashboardFigures } from "@/db/queries/dashboard";
import { formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

export async function ByMinistryTable({ figures, locale }: { figures: DashboardFigures; locale: Locale }) {
  const t = await getTranslations("dashboard");
  return (
    <section aria-labelledby="by-ministry">
      <h2 id="by-ministry" className="mb-3 text-lg font-semibold">
        {t("byMinistry", { year: figures.year })}
      </h2>
      {figures.byMinistry.length === 0 ? (
        <p className="text-muted-foreground">{t("empty", { year: figures.year })}</p>
      ) : (
        <Table>
          <TableCaption className="sr-only">{t("byMinistryCaption", { year: figures.year })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">{t("ministry")}</TableHead>
              <TableHead scope="col" className="text-right">
                {t("assessed")}
              </TableHead>
              <TableHead scope="col" className="text-right">
                {t("paid")}
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {figures.byMinistry.map((row) => (
              <TableRow key={row.ministryId ?? "none"}>
                <TableHead scope="row" className="font-normal">
                  {(locale === "lv" ? row.nameLv : row.nameEn) ?? t("noMinistry")}
                </TableHead>
                <TableCell className="text-right tabular-nums">{formatMoney(row.assessedEur, "EUR", locale)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(row.paidEur, "EUR", locale)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableHead scope="row">{t("total")}</TableHead>
              <TableCell className="text-right tabular-nums">{formatMoney(figures.assessedEur, "EUR", locale)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatMoney(figures.paidEur, "EUR", locale)}</TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      )}
    </section>
  );
}
