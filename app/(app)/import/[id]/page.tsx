import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { contributionYears } from "@/db/queries/contributions";
import { getImport, importYears, planRows } from "@/db/queries/imports";
import { requireUser } from "@/lib/auth/session";
import { currentYear } from "@/lib/years";
import { AppliedSummary } from "../_components/applied-summary";
import { ApplyImport } from "../_components/apply-import";
import { ImportFacts } from "../_components/import-facts";
import { MappingForm } from "../_components/mapping-form";
import { PlanRows } from "../_components/plan-rows";
import { PlanSummary } from "../_components/plan-summary";
import { PLAN_PAGE_SIZE, parseImportQuery } from "../search-params";

const idOf = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);
const EDITORS = ["admin", "editor"] as const;

// One read per request, shared by the title and the page; someone else's import is "not found".
const load = cache(async (raw: string, viewer: { id: number; role: string }) => {
  const id = idOf(raw);
  return id ? getImport(id, viewer) : null;
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [user, t] = await Promise.all([requireUser({ roles: EDITORS }), getTranslations("import")]);
  const summary = await load((await params).id, user);
  return { title: summary ? `${summary.fileName} · ${t("title")}` : t("title") };
}

export default async function ImportDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser({ roles: EDITORS });
  const summary = await load((await params).id, user);
  if (!summary) notFound();
  const t = await getTranslations("import");
  const { counts } = summary;
  const applied = summary.status === "applied";
  const query = counts ? parseImportQuery(await searchParams, counts) : null;
  const [plan, years, yearChoices] = await Promise.all([
    query && !applied ? planRows(summary.id, { rowClass: query.show, page: query.page, pageSize: PLAN_PAGE_SIZE }) : null,
    applied ? importYears(summary.id) : [],
    applied ? [] : choosableYears(),
  ]);

  return (
    <div className="flex flex-col gap-8">
      <div>
        <Link href="/import" className="text-muted-foreground text-sm underline-offset-4 hover:underline">
          ← {t("back")}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight break-words">{summary.fileName}</h1>
      </div>
      <ImportFacts summary={summary} />
      {applied && counts && summary.appliedAt ? (
        <AppliedSummary id={summary.id} counts={counts} appliedAt={summary.appliedAt} years={years} isAdmin={user.role === "admin"} />
      ) : (
        <>
          <section aria-labelledby="mapping-heading" className="flex flex-col gap-3">
            <h2 id="mapping-heading" className="text-lg font-semibold">
              {t("mapping.heading")}
            </h2>
            <p className="text-muted-foreground text-sm">{t("mapping.intro")}</p>
            <MappingForm
              key={summary.version}
              id={summary.id}
              version={summary.version}
              headers={summary.headers}
              mapping={summary.mapping}
              defaultYear={summary.defaultYear}
              years={yearChoices}
            />
          </section>
          {counts && query && plan && (
            <section aria-labelledby="summary-heading" className="flex flex-col gap-4">
              <h2 id="summary-heading" className="text-lg font-semibold">
                {t("summary.heading")}
              </h2>
              <PlanSummary id={summary.id} counts={counts} show={query.show} rowCount={summary.rowCount} />
              {counts.error > 0 && (
                <div className="flex flex-col gap-1">
                  <p className="text-sm">{t("downloads.intro")}</p>
                  <ul aria-label={t("downloads.label")} className="flex flex-wrap gap-4 text-sm">
                    {(["csv", "xlsx"] as const).map((format) => (
                      <li key={format}>
                        <a href={`/api/import/errors?id=${summary.id}&format=${format}`} download className="text-primary underline-offset-4 hover:underline">
                          {t(`downloads.${format}`)}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <ApplyImport id={summary.id} version={summary.version} newCount={counts.new} changedCount={counts.changed} />
              {counts.error > 0 && <p className="text-muted-foreground text-sm">{t("apply.errorsLeft")}</p>}
              <PlanRows
                id={summary.id}
                show={query.show}
                rows={plan.rows}
                total={plan.total}
                page={query.page}
                pages={query.pages}
                headers={summary.headers}
                mapping={summary.mapping}
              />
            </section>
          )}
        </>
      )}
    </div>
  );
}

/** The years a file without a year column may go into: those with lines, and this year and the next. */
async function choosableYears(): Promise<number[]> {
  const thisYear = currentYear();
  const years = new Set([...(await contributionYears(undefined, thisYear)), thisYear, thisYear + 1]);
  return [...years].sort((a, b) => b - a);
}
