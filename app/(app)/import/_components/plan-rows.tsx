import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PlannedRow, RowClass } from "@/db/queries/import-plan";
import { formatNumber } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { importHref } from "../search-params";
import { RowDetails } from "./row-details";

/** One page of a group of the dry run's rows, with the file's line number to find each in the sheet. */
export async function PlanRows({
  id,
  show,
  rows,
  total,
  page,
  pages,
  headers,
  mapping,
}: {
  id: number;
  show: RowClass;
  rows: PlannedRow[];
  total: number;
  page: number;
  pages: number;
  headers: string[];
  mapping: Partial<Record<string, number>>;
}) {
  const [t, tContributions, locale] = await Promise.all([getTranslations("import"), getTranslations("contributions"), getLocale().then(resolveLocale)]);
  const tr = t as unknown as Parameters<typeof RowDetails>[0]["t"];
  const tc = tContributions as unknown as Parameters<typeof RowDetails>[0]["tContributions"];
  const pageHref = (target: number) => `/import/${id}${importHref({ show, page: target })}`;
  if (total === 0) return <p className="text-muted-foreground">{t("rows.empty")}</p>;
  return (
    <div className="flex flex-col gap-3">
      <Table data-testid="plan-rows">
        <TableCaption className="text-foreground mt-0 mb-2 caption-top text-left text-base font-semibold">
          {t("rows.caption", { class: t(`classes.${show}`), n: formatNumber(total, locale) })}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead scope="col" className="text-right">{t("rows.line")}</TableHead>
            <TableHead scope="col">{t("rows.year")}</TableHead>
            <TableHead scope="col">{t("rows.organization")}</TableHead>
            <TableHead scope="col">{t("rows.kind")}</TableHead>
            <TableHead scope="col">{t("rows.ministry")}</TableHead>
            <TableHead scope="col">{t("rows.details")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.line} data-line={row.line} className="[&>td]:align-top">
              <TableCell className="text-right tabular-nums">{row.line}</TableCell>
              <TableCell className="tabular-nums">{row.key.year ?? "—"}</TableCell>
              <TableCell>{row.key.organization ?? "—"}</TableCell>
              <TableCell>{row.key.kind ?? "—"}</TableCell>
              <TableCell>{row.key.ministry ?? "—"}</TableCell>
              <TableCell className="min-w-64 whitespace-normal">
                <RowDetails row={row} headers={headers} mapping={mapping} locale={locale} t={tr} tContributions={tc} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {pages > 1 && (
        <nav aria-label={t("rows.pagination")} className="flex items-center gap-3 text-sm">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className="text-primary underline-offset-4 hover:underline">
              ← {t("rows.previous")}
            </Link>
          ) : null}
          <span className="tabular-nums">
            {t("rows.page", { page: formatNumber(page, locale), pages: formatNumber(pages, locale) })}
          </span>
          {page < pages ? (
            <Link href={pageHref(page + 1)} className="text-primary underline-offset-4 hover:underline">
              {t("rows.next")} →
            </Link>
          ) : null}
        </nav>
      )}
    </div>
  );
}
