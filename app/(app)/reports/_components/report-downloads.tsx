"use client";

import { useQueryState } from "nuqs";
import { useTranslations } from "next-intl";
import { FilterSelect } from "@/components/filters/filter-fields";
import { Button } from "@/components/ui/button";
import { exportHref, reportParsers, SEPARATORS, type ReportQuery, type ReportView, type Separator } from "../search-params";

function Download({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Button variant="outline" size="sm" asChild>
      <a href={href} download>
        {children}
      </a>
    </Button>
  );
}

/**
 * Links to the export route for this view (XLSX, CSV, PDF), every line and the whole report. The CSV
 * separator defaults to the reader's locale and stays in the URL without reloading the report.
 */
export function ReportDownloads({
  query,
  defaultSeparator,
}: {
  query: Pick<ReportQuery, "view" | "year" | "ministryId" | "kind" | "from" | "to">;
  defaultSeparator: Separator;
}) {
  const t = useTranslations("reports.downloads");
  const [sep, setSep] = useQueryState("sep", reportParsers.sep.withOptions({ shallow: true, scroll: false, history: "replace" }));
  const chosen = { ...query, sep: sep ?? defaultSeparator };
  const href = (view: ReportView | "lines" | "all", format: "xlsx" | "csv" | "pdf") => exportHref(chosen, view, format);

  return (
    <section aria-labelledby="report-downloads" className="flex flex-col gap-3 rounded-lg border p-4">
      <h2 id="report-downloads" className="font-semibold">
        {t("title")}
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        <FilterSelect
          label={t("separator")}
          value={chosen.sep}
          onChange={(value) => void setSep(SEPARATORS.find((s) => s === value) ?? null)}
          options={SEPARATORS.map((s) => ({ value: s, label: t(s) }))}
        />
        <div role="group" aria-label={t("thisView")} className="flex flex-wrap gap-2">
          <Download href={href(query.view, "xlsx")}>{t("xlsx")}</Download>
          <Download href={href(query.view, "csv")}>{t("csv")}</Download>
          <Download href={href(query.view, "pdf")}>{t("pdf")}</Download>
        </div>
        <div role="group" aria-label={t("lines")} className="flex flex-wrap gap-2">
          <Download href={href("lines", "xlsx")}>{t("linesXlsx")}</Download>
          <Download href={href("lines", "csv")}>{t("linesCsv")}</Download>
          <Download href={href("all", "xlsx")}>{t("all")}</Download>
        </div>
      </div>
      <p className="text-muted-foreground text-sm">{t("note")}</p>
    </section>
  );
}
