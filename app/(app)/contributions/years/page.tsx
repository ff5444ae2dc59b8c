import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { unstable_rethrow } from "next/navigation";
import { preparableLineCount, yearMatrix, type YearMatrix } from "@/db/queries/contribution-years";
import { closedYears, contributionYears } from "@/db/queries/contributions";
import { resolveLocale } from "@/lib/i18n/config";
import { requireUser } from "@/lib/auth/session";
import { logEvent } from "@/lib/log";
import { requestId } from "@/lib/request";
import { currentYear } from "@/lib/years";
import { ministryOptions } from "../../organizations/options";
import { PrepareNextYear } from "../_components/prepare-next-year";
import { YearMatrixError } from "./_components/year-matrix-error";
import { YearMatrixTable } from "./_components/year-matrix-table";
import { YearsFilters } from "./_components/years-filters";
import { parseYearsQuery, type YearsQuery } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contributionYears");
  return { title: t("title") };
}

async function loadMatrix(query: YearsQuery, scopeMinistryId: number | null): Promise<YearMatrix | null> {
  try {
    return await yearMatrix({ query, scopeMinistryId });
  } catch (error) {
    unstable_rethrow(error);
    const id = await requestId();
    logEvent({ action: "contributions.years", outcome: "error", requestId: id, reason: error instanceof Error ? error.name : "unknown" });
    console.error(`[${id}] contributions.years:`, error instanceof Error ? error.message.split("\nparams:")[0] : error);
    return null;
  }
}

export default async function ContributionYearsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const thisYear = currentYear();
  const query = parseYearsQuery(await searchParams, thisYear);
  const locale = resolveLocale(await getLocale());
  // "Prepare next year" copies the last year shown: the user's ministry's lines, or the chosen ministry's.
  const prepareMinistryId = user.ministryId ?? query.ministryId;
  const canPrepare = user.role !== "viewer";
  const [t, matrix, years, ministries, closed, lineCount] = await Promise.all([
    getTranslations("contributionYears"),
    loadMatrix(query, user.ministryId),
    contributionYears(undefined, thisYear),
    user.ministryId === null ? ministryOptions(locale) : Promise.resolve([]),
    closedYears(),
    canPrepare ? preparableLineCount({ year: query.to, ministryId: prepareMinistryId }) : Promise.resolve(0),
  ]);
  const ministryName = user.ministryId === null ? null : locale === "en" ? user.ministryNameEn : user.ministryNameLv;
  const filtered = query.ministryId !== null || query.kind !== null;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href={`/contributions?year=${query.to}`} className="text-primary text-sm underline-offset-4 hover:underline">
            ← {t("backToGrid", { year: String(query.to) })}
          </Link>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-muted-foreground">{t("subtitle")}</p>
          {ministryName && <p className="text-muted-foreground mt-1 text-sm">{t("scoped", { ministry: ministryName })}</p>}
        </div>
        {canPrepare && !closed.has(query.to + 1) && query.to < 2100 && (
          <PrepareNextYear year={query.to} ministryId={prepareMinistryId} lineCount={lineCount} />
        )}
      </div>
      <YearsFilters from={query.from} to={query.to} years={years} ministries={ministries} />
      {matrix === null ? (
        <YearMatrixError />
      ) : matrix.rows.length === 0 ? (
        <p className="text-muted-foreground">{filtered ? t("noMatches") : t("empty")}</p>
      ) : (
        <YearMatrixTable matrix={matrix} locale={locale} caption={t("caption", { from: String(query.from), to: String(query.to) })} />
      )}
      <p className="text-muted-foreground max-w-3xl text-sm">{t("note")}</p>
    </div>
  );
}
