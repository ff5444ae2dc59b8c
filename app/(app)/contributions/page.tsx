import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { unstable_rethrow } from "next/navigation";
import Link from "next/link";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { preparableLineCount } from "@/db/queries/contribution-years";
import { closedYears, contributionYears, yearGridPacked, type ContributionRow } from "@/db/queries/contributions";
import { gridOptions } from "@/db/queries/grid-options";
import { requireUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { logEvent } from "@/lib/log";
import { packJson, packRows, type PackedRows } from "@/lib/packed";
import { requestId } from "@/lib/request";
import { currentYear } from "@/lib/years";
import { ContributionsWorkspace } from "./_components/contributions-workspace";
import { PrepareNextYear } from "./_components/prepare-next-year";
import { GridError } from "./_components/grid-error";
import { parseGridQuery, type GridQuery } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contributions");
  return { title: t("title") };
}

async function loadRows(query: GridQuery, scopeMinistryId: number | null): Promise<{ rows: PackedRows<ContributionRow>; count: number } | null> {
  try {
    return await yearGridPacked({
      year: query.year,
      scopeMinistryId,
      filters: { ministryId: query.ministryId, kind: query.kind, status: query.status, currency: query.currency, organizationId: query.organizationId, q: query.q },
    });
  } catch (error) {
    unstable_rethrow(error);
    const id = await requestId();
    logEvent({ action: "contributions.list", outcome: "error", requestId: id, reason: error instanceof Error ? error.name : "unknown" });
    console.error(`[${id}] contributions.list:`, error instanceof Error ? error.message.split("\nparams:")[0] : error);
    return null;
  }
}

export default async function ContributionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const query = parseGridQuery(await searchParams, currentYear());
  const locale = resolveLocale(await getLocale());
  const [t, grid, options, years, closed] = await Promise.all([
    getTranslations("contributions"),
    // A ministry-scoped user sees (and edits) what their ministry pays.
    loadRows(query, user.ministryId),
    gridOptions(locale),
    contributionYears(undefined, currentYear()),
    closedYears(),
  ]);
  const isClosed = closed.has(query.year);
  const canEdit = user.role !== "viewer" && !isClosed;
  // Preparing copies this year's lines (the user's ministry's, or the chosen ministry's) into the next one.
  const prepareMinistryId = user.ministryId ?? query.ministryId;
  const canPrepare = user.role !== "viewer" && query.year < 2100 && !closed.has(query.year + 1);
  const preparable = canPrepare ? await preparableLineCount({ year: query.year, ministryId: prepareMinistryId }) : 0;
  const org = query.organizationId ? options.organizations.find((o) => o.id === query.organizationId) : undefined;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            {t("title")} {query.year}
          </h1>
          <p className="text-muted-foreground">{t("subtitle")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" asChild>
            <Link href="/contributions/years">{t("multiYear")}</Link>
          </Button>
          {canPrepare && <PrepareNextYear year={query.year} ministryId={prepareMinistryId} lineCount={preparable} />}
        </div>
      </div>
      {isClosed && (
        <Alert>
          <AlertDescription>{t("yearClosed", { year: query.year })}</AlertDescription>
        </Alert>
      )}
      {grid ? (
        <ContributionsWorkspace
          rows={grid.rows}
          count={grid.count}
          organizations={packRows(options.organizations)}
          options={packJson({ ...options, organizations: [] })}
          years={years.includes(query.year) ? years : [query.year, ...years].sort((a, b) => b - a)}
          year={query.year}
          locale={locale}
          canEdit={canEdit}
          scopeMinistryId={user.ministryId}
          organization={org ? { id: org.id, label: org.acronym } : null}
        />
      ) : (
        <GridError />
      )}
    </div>
  );
}
