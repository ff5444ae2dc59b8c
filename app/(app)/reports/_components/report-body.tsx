import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import type { LoadedReport } from "../load";
import type { ReportQuery } from "../search-params";
import { BudgetTable } from "./budget-table";
import { CompletenessLists } from "./completeness-lists";
import { MinistryChart, TrendChart } from "./report-charts";
import { ReportError } from "./report-error";
import { StatusTable } from "./status-table";
import { YearOverYearTable } from "./year-over-year-table";

/** The chosen view: its chart (where it has one) above the table that holds the exact figures. */
export async function ReportBody({ loaded, query, locale }: { loaded: LoadedReport | null; query: ReportQuery; locale: Locale }) {
  const t = await getTranslations("reports");
  if (loaded === null) return <ReportError />;
  const year = String(query.year);
  const note = t("charts.tableEquivalent");

  switch (loaded.view) {
    case "ministry":
    case "programme":
    case "organization": {
      const lines = loaded.rows.filter((row) => row.level === "row");
      if (lines.length === 0) return <p className="text-muted-foreground">{t("empty")}</p>;
      const bars = loaded.byMinistry
        .filter((row) => row.level === "row")
        .map((row) => {
          const name = row.ministryId === null ? t("noMinistry") : ((locale === "en" ? row.ministryNameEn : row.ministryNameLv) ?? "");
          return {
            label: row.ministryCode?.toUpperCase() ?? "—",
            name,
            planned: Number(row.plannedEur),
            assessed: Number(row.assessedEur),
            paid: Number(row.paidEur),
          };
        });
      return (
        <>
          <MinistryChart
            caption={t("charts.byMinistry", { year })}
            note={note}
            bars={bars}
            labels={{ planned: t("columns.planned"), assessed: t("columns.assessed"), paid: t("columns.paid") }}
            locale={locale}
          />
          <BudgetTable rows={loaded.rows} by={loaded.view} locale={locale} caption={t(`captions.${loaded.view}`, { year })} />
        </>
      );
    }
    case "years": {
      const { report } = loaded;
      if (report.rows.length === 0) return <p className="text-muted-foreground">{t("empty")}</p>;
      const range = { from: String(report.years[0]), to: String(report.years.at(-1)) };
      return (
        <>
          <TrendChart
            caption={t("charts.trend", range)}
            note={note}
            points={report.years.map((y, i) => ({ year: y, total: Number(report.total.totals[i]) }))}
            label={t("total")}
            locale={locale}
          />
          <YearOverYearTable report={report} locale={locale} caption={t("captions.years", range)} />
        </>
      );
    }
    case "status":
      if (loaded.rows.length <= 1) return <p className="text-muted-foreground">{t("empty")}</p>;
      return <StatusTable rows={loaded.rows} locale={locale} caption={t("captions.status", { year })} />;
    case "completeness":
      return <CompletenessLists report={loaded.report} year={query.year} locale={locale} />;
  }
}
