import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { contributionYears } from "@/db/queries/contributions";
import { requireUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { currentYear } from "@/lib/years";
import { ministryOptions } from "../organizations/options";
import { ReportBody } from "./_components/report-body";
import { ReportDownloads } from "./_components/report-downloads";
import { ReportFilters } from "./_components/report-filters";
import { ReportViews } from "./_components/report-views";
import { loadReport } from "./load";
import { defaultSeparator, parseReportQuery } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reports");
  return { title: t("title") };
}

/** Every role reads reports; a ministry-scoped reader's figures are what their ministry pays. */
export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const locale = resolveLocale(await getLocale());
  const thisYear = currentYear();
  const parsed = parseReportQuery(await searchParams, thisYear, locale);
  const scoped = user.ministryId !== null;
  // The scope is the ministry filter of a scoped reader: a ministry in the URL is not theirs to choose.
  const query = scoped ? { ...parsed, ministryId: null } : parsed;
  const filters = { year: query.year, ministryId: query.ministryId, kind: query.kind, scopeMinistryId: user.ministryId };
  const [t, years, ministries, loaded] = await Promise.all([
    getTranslations("reports"),
    contributionYears(undefined, thisYear),
    scoped ? Promise.resolve([]) : ministryOptions(locale),
    loadReport(query, filters),
  ]);
  const ministryName = scoped ? (locale === "en" ? user.ministryNameEn : user.ministryNameLv) : null;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-muted-foreground">{t("subtitle")}</p>
        {ministryName && <p className="text-muted-foreground mt-1 text-sm">{t("scoped", { ministry: ministryName })}</p>}
      </div>
      <ReportViews query={query} scoped={scoped} />
      <ReportFilters view={query.view} year={query.year} from={query.from} to={query.to} years={years} ministries={ministries} />
      <ReportBody loaded={loaded} query={query} locale={locale} />
      <ReportDownloads query={query} defaultSeparator={defaultSeparator(locale)} />
    </div>
  );
}
