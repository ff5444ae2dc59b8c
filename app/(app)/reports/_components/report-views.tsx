import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { cn } from "@/lib/utils";
import { REPORT_VIEWS, type ReportQuery, type ReportView } from "../search-params";

/** The URL of a view with the same year and filters: switching views keeps what the reader chose. */
function viewHref(view: ReportView, query: ReportQuery, scoped: boolean): string {
  const params = new URLSearchParams({ view, year: String(query.year) });
  if (!scoped && query.ministryId !== null) params.set("ministry", String(query.ministryId));
  if (query.kind !== null) params.set("kind", query.kind);
  if (view === "years") {
    params.set("from", String(query.from));
    params.set("to", String(query.to));
  }
  return `/reports?${params}`;
}

/** The report views as links (each its own URL), the current one marked with aria-current. */
export async function ReportViews({ query, scoped }: { query: ReportQuery; scoped: boolean }) {
  const t = await getTranslations("reports.views");
  return (
    <nav aria-label={t("label")}>
      <ul className="bg-muted text-muted-foreground inline-flex flex-wrap gap-1 rounded-lg p-1">
        {REPORT_VIEWS.map((view) => {
          const current = view === query.view;
          return (
            <li key={view}>
              <Link
                href={viewHref(view, query, scoped)}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "focus-visible:ring-ring inline-flex rounded-md px-3 py-1.5 text-sm font-medium focus-visible:ring-2 focus-visible:outline-none",
                  current ? "bg-background text-foreground shadow-sm" : "hover:text-foreground",
                )}
              >
                {t(view)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
