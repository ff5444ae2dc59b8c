import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ImportCounts, RowClass } from "@/db/queries/import-plan";
import { formatNumber } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { cn } from "@/lib/utils";
import { importHref, SHOW_CLASSES } from "../search-params";

/** The count of each group of rows, each a link that lists that group below (the current one marked). */
export async function PlanSummary({ id, counts, show, rowCount }: { id: number; counts: ImportCounts; show: RowClass; rowCount: number }) {
  const [t, locale] = await Promise.all([getTranslations("import"), getLocale().then(resolveLocale)]);
  return (
    <div className="flex flex-col gap-2">
      <nav aria-label={t("summary.label")}>
        <ul className="flex flex-wrap gap-2" data-testid="import-counts">
          {SHOW_CLASSES.map((rowClass) => {
            const current = rowClass === show;
            return (
              <li key={rowClass}>
                <Link
                  href={`/import/${id}${importHref({ show: rowClass })}`}
                  aria-current={current ? "page" : undefined}
                  data-class={rowClass}
                  className={cn(
                    "focus-visible:ring-ring inline-flex items-baseline gap-2 rounded-md border px-3 py-2 text-sm focus-visible:ring-2 focus-visible:outline-none",
                    current ? "bg-primary text-primary-foreground border-primary" : "hover:bg-accent",
                    rowClass === "error" && counts.error > 0 && !current && "border-destructive text-destructive",
                  )}
                >
                  <span>{t(`classes.${rowClass}`)}</span>
                  <span className="text-base font-semibold tabular-nums">{formatNumber(counts[rowClass], locale)}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <p className="text-muted-foreground text-sm">{t("summary.total", { n: formatNumber(rowCount, locale) })}</p>
    </div>
  );
}
