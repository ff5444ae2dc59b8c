import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ImportCounts } from "@/db/queries/import-plan";
import { formatDateTime, formatNumber } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";

/** An applied import: what it wrote, and where to see it (the years' grids; for an admin, the audit log). */
export async function AppliedSummary({ id, counts, appliedAt, years, isAdmin }: { id: number; counts: ImportCounts; appliedAt: Date; years: number[]; isAdmin: boolean }) {
  const [t, locale] = await Promise.all([getTranslations("import"), getLocale().then(resolveLocale)]);
  const n = (value: number) => formatNumber(value, locale);
  const link = "text-primary underline-offset-4 hover:underline";
  return (
    <section aria-labelledby="applied-heading" className="flex flex-col gap-3" data-testid="import-applied">
      <h2 id="applied-heading" className="text-lg font-semibold">
        {t("applied.heading")}
      </h2>
      <p role="status">
        {t("applied.text", { at: formatDateTime(appliedAt, locale), written: counts.new + counts.changed, new: n(counts.new), changed: n(counts.changed), error: n(counts.error) })}
      </p>
      <ul className="flex flex-col gap-1">
        {years.map((year) => (
          <li key={year}>
            <Link href={`/contributions?year=${year}`} className={link}>
              {t("applied.openGrid", { year: String(year) })}
            </Link>
          </li>
        ))}
        {isAdmin && (
          <li>
            <Link href={`/admin/audit?entity=imports&record=${id}`} className={link}>
              {t("applied.auditLog")}
            </Link>
          </li>
        )}
        <li>
          <Link href="/import" className={link}>
            {t("applied.another")}
          </Link>
        </li>
      </ul>
    </section>
  );
}
