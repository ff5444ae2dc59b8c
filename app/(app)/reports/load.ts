import "server-only";
import { unstable_rethrow } from "next/navigation";
import {
  budgetReport,
  completenessReport,
  statusReport,
  yearOverYearReport,
  type BudgetRow,
  type CompletenessReport,
  type ReportFilters,
  type StatusRow,
  type YearOverYearReport,
} from "@/db/queries/reports";
import { logEvent } from "@/lib/log";
import { requestId } from "@/lib/request";
import { isBudgetView, type BudgetView, type ReportQuery } from "./search-params";

export type LoadedReport =
  | { view: BudgetView; rows: BudgetRow[]; byMinistry: BudgetRow[] }
  | { view: "years"; report: YearOverYearReport }
  | { view: "status"; rows: StatusRow[] }
  | { view: "completeness"; report: CompletenessReport };

async function read(query: ReportQuery, filters: ReportFilters): Promise<LoadedReport> {
  const view = query.view;
  if (isBudgetView(view)) {
    // The chart shows totals by ministry on every budget view: the ministry view's own rows, else read beside.
    const [rows, byMinistry] = await Promise.all([
      budgetReport({ by: view, filters }),
      view === "ministry" ? Promise.resolve(null) : budgetReport({ by: "ministry", filters }),
    ]);
    return { view, rows, byMinistry: byMinistry ?? rows };
  }
  if (view === "years") {
    const { year: _year, ...rest } = filters;
    return { view, report: await yearOverYearReport({ from: query.from, to: query.to, filters: rest }) };
  }
  if (view === "status") return { view, rows: await statusReport({ filters }) };
  return { view, report: await completenessReport({ filters }) };
}

/** The chosen view's data, or null when it could not be read (logged with the request's id). */
export async function loadReport(query: ReportQuery, filters: ReportFilters): Promise<LoadedReport | null> {
  try {
    return await read(query, filters);
  } catch (error) {
    unstable_rethrow(error);
    const id = await requestId();
    logEvent({ action: "reports.view", outcome: "error", requestId: id, reason: error instanceof Error ? error.name : "unknown" });
    console.error(`[${id}] reports.view:`, error instanceof Error ? error.message.split("\nparams:")[0] : error);
    return null;
  }
}
