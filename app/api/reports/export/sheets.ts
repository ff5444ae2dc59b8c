import "server-only";
import { LINE, reportLinesTotals, streamReportLines } from "@/db/queries/report-lines";
import { budgetReport, completenessReport, statusReport, yearOverYearReport, type BudgetRow, type ReportFilters } from "@/db/queries/reports";
import type { Db } from "@/db";
import { inBatches, type Column, type Sheet, type SheetRow, type TitleBlock } from "@/lib/export/sheet";
import type { Locale } from "@/lib/i18n/config";
import { catalogs } from "@/messages";

export const VIEWS = ["ministry", "programme", "organization", "years", "status", "completeness", "lines", "all"] as const;
export type View = (typeof VIEWS)[number];
export type SheetView = Exclude<View, "all">;
/** What view=all puts in one workbook, in this order. */
export const ALL_VIEWS: readonly SheetView[] = ["ministry", "programme", "organization", "status", "lines"];

/** The catalog's words with `{name}` placeholders filled; the messages here need no plural rules. */
export function translator(locale: Locale) {
  const messages = catalogs[locale].exports as Record<string, Record<string, string>>;
  const contributions = catalogs[locale].contributions as { values: { kind: Record<string, string>; status: Record<string, string> } };
  const t = (key: string, values: Record<string, string | number> = {}) => {
    const [group, name] = key.split(".") as [string, string];
    const text = messages[group]?.[name] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));
  };
  return { t, kind: (k: string) => contributions.values.kind[k] ?? k, status: (s: string) => contributions.values.status[s] ?? s };
}
type T = ReturnType<typeof translator>;

export interface ExportRequest {
  view: SheetView;
  filters: ReportFilters;
  from: number;
  to: number;
  allYears: boolean;
  locale: Locale;
  title: TitleBlock;
  /** Lines per cursor fetch (view=lines). */
  batchSize?: number;
  db?: Db;
}

const name = (locale: Locale, lv: string | null, en: string | null) => (locale === "en" ? en : lv);

function budgetSheet(by: "ministry" | "programme" | "organization", rowsOf: () => Promise<BudgetRow[]>, { t }: T, locale: Locale): Pick<Sheet, "columns" | "rows"> {
  const c = (key: string, type: Column["type"], extra: Partial<Column> = {}): Column => ({ header: t(`columns.${key}`), type, ...extra });
  const label: Column[] =
    by === "organization"
      ? [c("organizationCode", "text", { width: 14 }), c("organization", "text", { width: 40 })]
      : by === "programme"
        ? [c("ministry", "text", { width: 36 }), c("programme", "text", { width: 16 })]
        : [c("ministry", "text", { width: 40 })];
  const columns = [
    ...label,
    c("lineCount", "number", { decimals: 0, width: 8 }),
    c("plannedEur", "money"),
    c("assessedEur", "money"),
    c("paidEur", "money"),
    c("outstandingEur", "money"),
    c("varianceEur", "money"),
    c("variancePct", "percent"),
  ];
  async function* rows(): AsyncIterable<SheetRow[]> {
    const out: SheetRow[] = (await rowsOf()).map((r) => {
      const ministry = r.ministryId === null ? t("rows.noMinistry") : name(locale, r.ministryNameLv, r.ministryNameEn);
      const labels: (string | null)[] =
        r.level === "total"
          ? [t("rows.total"), ...label.slice(1).map(() => null)]
          : by === "organization"
            ? [r.acronym, name(locale, r.organizationNameLv, r.organizationNameEn)]
            : by === "programme"
              ? r.level === "subtotal"
                ? [t("rows.subtotal", { name: ministry ?? "" }), null]
                : [ministry, r.programmeCode ?? t("rows.noProgramme")]
              : [ministry];
      return { level: r.level, cells: [...labels, r.lineCount, r.plannedEur, r.assessedEur, r.paidEur, r.outstandingEur, r.varianceEur, r.variancePct] };
    });
    yield* inBatches(out);
  }
  return { columns, rows: rows() };
}

/** The lines as they stream from the cursor, then one total row of sums by PostgreSQL over the same lines. */
function linesSheet(request: ExportRequest, { t, kind, status }: T): Pick<Sheet, "columns" | "rows"> {
  const c = (key: string, type: Column["type"], extra: Partial<Column> = {}): Column => ({ header: t(`columns.${key}`), type, ...extra });
  const columns = [
    c("year", "number", { decimals: 0, plain: true, width: 7 }),
    c("organizationCode", "text", { width: 12 }),
    c("organization", "text", { width: 32 }),
    c("kind", "text", { width: 12 }),
    c("ministry", "text", { width: 28 }),
    c("programme", "text", { width: 12 }),
    c("currency", "currency"),
    c("amount", "number", { decimals: 2 }),
    c("rate", "number", { width: 12 }),
    c("amountEur", "money"),
    c("plannedEur", "money"),
    c("paidEur", "money"),
    c("outstandingEur", "money"),
    c("dueDate", "date"),
    c("status", "text", { width: 14 }),
    c("cabinetOrder", "text", { width: 20 }),
    c("notes", "text", { width: 30 }),
    // Last, out of the reader's way: an import of this file finds each line again by it.
    c("id", "number", { decimals: 0, plain: true, width: 9 }),
  ];
  async function* rows(): AsyncIterable<SheetRow[]> {
    const args = { filters: request.filters, allYears: request.allYears, locale: request.locale, db: request.db };
    // The total row's sums come from PostgreSQL, on its own core while the lines stream through this one.
    const totals = reportLinesTotals(args);
    totals.catch(() => {}); // awaited below; a failure of the stream must not leave it unhandled
    for await (const batch of streamReportLines({ ...args, batchSize: request.batchSize })) {
      // The cursor's arrays are in the sheet's column order (REPORT_LINE_KEYS) and used once: written as
      // they are, with the kind and status in words, rather than copied (npm run bench:exports).
      yield batch.map((l) => {
        l[LINE.kind] = kind(l[LINE.kind] as string);
        l[LINE.status] = status(l[LINE.status] as string);
        return { level: "row" as const, cells: l as SheetRow["cells"] };
      });
    }
    const sums = await totals;
    yield [{ level: "total", cells: [null, t("rows.total"), null, null, null, null, null, null, null, sums.amountEur, sums.plannedEur, sums.paidEur, sums.outstandingEur, null, null, null, null, null] }];
  }
  return { columns, rows: rows() };
}

function statusSheet(request: ExportRequest, { t }: T): Pick<Sheet, "columns" | "rows"> {
  const c = (key: string, type: Column["type"], extra: Partial<Column> = {}): Column => ({ header: t(`columns.${key}`), type, ...extra });
  const columns = [c("organizationCode", "text", { width: 14 }), c("organization", "text", { width: 40 }), c("assessedEur", "money"), c("paidEur", "money"), c("outstandingEur", "money"), c("state", "text", { width: 20 }), c("overdue", "text", { width: 8 }), c("overdueEur", "money")];
  async function* rows(): AsyncIterable<SheetRow[]> {
    const report = await statusReport({ filters: request.filters, db: request.db });
    yield* inBatches(
      report.map((r) => ({
        level: r.level,
        cells: [r.level === "total" ? t("rows.total") : r.acronym, name(request.locale, r.nameLv, r.nameEn), r.assessedEur, r.paidEur, r.outstandingEur, r.state ? t(`states.${r.state}`) : null, r.level === "total" ? null : t(r.overdue ? "rows.yes" : "rows.no"), r.overdueEur],
      })),
    );
  }
  return { columns, rows: rows() };
}

function yearsSheet(request: ExportRequest, { t }: T): Pick<Sheet, "columns" | "rows"> {
  const years = Array.from({ length: request.to - request.from + 1 }, (_, i) => request.from + i);
  const columns: Column[] = [
    { header: t("columns.organizationCode"), type: "text", width: 14 },
    { header: t("columns.organization"), type: "text", width: 36 },
    ...years.flatMap((year, i): Column[] => [
      { header: t("columns.totalYear", { year }), type: "money" },
      ...(i === 0 ? [] : ([{ header: t("columns.changeEur", { year }), type: "money" }, { header: t("columns.changePct", { year }), type: "percent" }] as Column[])),
    ]),
  ];
  const cellsOf = (totals: (string | null)[], change: (string | null)[], pct: (string | null)[]) =>
    years.flatMap((_, i) => (i === 0 ? [totals[i] ?? null] : [totals[i] ?? null, change[i] ?? null, pct[i] ?? null]));
  async function* rows(): AsyncIterable<SheetRow[]> {
    const { filters } = request;
    const report = await yearOverYearReport({ from: request.from, to: request.to, filters, db: request.db });
    yield* inBatches([
      ...report.rows.map((r) => ({ level: "row" as const, cells: [r.acronym, name(request.locale, r.nameLv, r.nameEn), ...cellsOf(r.totals, r.changeEur, r.changePct)] })),
      { level: "total", cells: [t("rows.total"), null, ...cellsOf(report.total.totals, report.total.changeEur, report.total.changePct)] },
    ]);
  }
  return { columns, rows: rows() };
}

function completenessSheet(request: ExportRequest, { t, kind }: T): Pick<Sheet, "columns" | "rows"> {
  const columns: Column[] = [
    { header: t("columns.line"), type: "number", decimals: 0, width: 8 },
    { header: t("columns.organizationCode"), type: "text", width: 14 },
    { header: t("columns.kind"), type: "text", width: 14 },
    { header: t("columns.issue"), type: "text", width: 60 },
  ];
  async function* rows(): AsyncIterable<SheetRow[]> {
    const report = await completenessReport({ filters: request.filters, db: request.db });
    yield* inBatches([
      ...report.lines.map((l) => ({ level: "row" as const, cells: [l.id, l.acronym, kind(l.kind), l.missing.map((m) => t(`missing.${m}`)).join(", ")] })),
      ...report.organizationsWithoutLead.map((o) => ({ level: "row" as const, cells: [null, o.acronym, null, t("missing.lead")] })),
      ...report.missingRates.map((m) => ({ level: "row" as const, cells: [null, null, null, t("missing.rate", { currency: m.currency, year: m.year, count: m.lineCount })] })),
    ]);
  }
  return { columns, rows: rows() };
}

/** One view as a sheet: its report name, tab name and typed rows, read only when a writer pulls them. */
export function sheetFor(request: ExportRequest): Sheet {
  const tr = translator(request.locale);
  const { t } = tr;
  const { view, filters } = request;
  const budget = (by: "ministry" | "programme" | "organization") => budgetSheet(by, () => budgetReport({ by, filters, db: request.db }), tr, request.locale);
  const body =
    view === "ministry" || view === "programme" || view === "organization"
      ? budget(view)
      : view === "lines"
        ? linesSheet(request, tr)
        : view === "status"
          ? statusSheet(request, tr)
          : view === "years"
            ? yearsSheet(request, tr)
            : completenessSheet(request, tr);
  return { name: t(`sheets.${view}`), title: { ...request.title, report: reportName(view, request) }, ...body };
}

export function reportName(view: View, request: Pick<ExportRequest, "filters" | "from" | "to" | "allYears" | "locale">): string {
  const { t } = translator(request.locale);
  if (view === "lines" && request.allYears) return t("reports.linesAllYears");
  return t(`reports.${view}`, { year: request.filters.year, from: request.from, to: request.to });
}
