import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { ImportSummary } from "@/db/queries/imports";
import { formatDateTime, formatNumber } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { FactsList } from "@/components/facts-list";

/** The file as it was read: who brought it, when, what it is, and enough of its checksum to tell files apart. */
export async function ImportFacts({ summary }: { summary: ImportSummary }) {
  const [t, locale] = await Promise.all([getTranslations("import"), getLocale().then(resolveLocale)]);
  const format = summary.format === "xlsx" || summary.format === "csv" ? t(`formats.${summary.format}`) : summary.format;
  const items: [string, ReactNode][] = [
    [t("facts.uploadedBy"), summary.userName],
    [t("facts.uploadedAt"), formatDateTime(summary.createdAt, locale)],
    [t("facts.format"), summary.sheetName ? `${format} · ${t("facts.sheet")} „${summary.sheetName}”` : format],
    [t("facts.size"), t("facts.kb", { n: formatNumber(Math.max(1, Math.round(summary.byteSize / 1024)), locale) })],
    [t("facts.rows"), formatNumber(summary.rowCount, locale)],
    [t("facts.headerLine"), formatNumber(summary.headerLine, locale)],
    [t("facts.checksum"), <code key="checksum" title={summary.checksum}>{summary.checksum.slice(0, 12)}…</code>],
    [t("facts.status"), t(`status.${summary.status}`)],
  ];
  if (summary.appliedAt) items.push([t("facts.appliedAt"), formatDateTime(summary.appliedAt, locale)]);
  else if (summary.previewedAt) items.push([t("facts.previewedAt"), formatDateTime(summary.previewedAt, locale)]);
  return (
    <section aria-labelledby="import-facts" className="flex flex-col gap-3">
      <h2 id="import-facts" className="text-lg font-semibold">
        {t("facts.heading")}
      </h2>
      <FactsList items={items} />
    </section>
  );
}
