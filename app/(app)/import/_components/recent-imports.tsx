import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ImportCounts } from "@/db/queries/import-plan";
import type { listImports } from "@/db/queries/imports";
import { formatDateTime, formatNumber } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";

type ImportRow = Awaited<ReturnType<typeof listImports>>[number];

/** The latest imports the user may see: their own (an admin sees everyone's), newest first. */
export async function RecentImports({ rows }: { rows: ImportRow[] }) {
  const [t, locale] = await Promise.all([getTranslations("import"), getLocale().then(resolveLocale)]);
  const n = (value: number | undefined) => formatNumber(value ?? 0, locale);
  return (
    <section aria-labelledby="recent-imports" className="flex flex-col gap-3">
      <h2 id="recent-imports" className="text-lg font-semibold">
        {t("recent.heading")}
      </h2>
      {rows.length === 0 ? (
        <p className="text-muted-foreground">{t("recent.empty")}</p>
      ) : (
        <Table>
          <TableCaption className="sr-only">{t("recent.caption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">{t("recent.file")}</TableHead>
              <TableHead scope="col">{t("recent.by")}</TableHead>
              <TableHead scope="col">{t("recent.at")}</TableHead>
              <TableHead scope="col">{t("recent.status")}</TableHead>
              <TableHead scope="col">{t("recent.counts")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => {
              const counts = row.counts as ImportCounts | null;
              return (
              <TableRow key={row.id} data-testid="import-row">
                <TableCell className="max-w-xs break-words whitespace-normal">
                  <Link href={`/import/${row.id}`} className="text-primary underline-offset-4 hover:underline">
                    {row.fileName}
                  </Link>
                </TableCell>
                <TableCell>{row.userName}</TableCell>
                <TableCell className="whitespace-nowrap tabular-nums">{formatDateTime(row.createdAt, locale)}</TableCell>
                <TableCell>{t(`status.${row.status}`)}</TableCell>
                <TableCell className="whitespace-normal">
                  {counts
                    ? t("recent.countsText", { new: n(counts.new), changed: n(counts.changed), unchanged: n(counts.unchanged), error: n(counts.error) })
                    : t("recent.noCounts")}
                </TableCell>
              </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
