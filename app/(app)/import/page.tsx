import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { listImports } from "@/db/queries/imports";
import { requireUser } from "@/lib/auth/session";
import { formatNumber } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { IMPORT_LIMITS } from "@/lib/import/parse";
import { RecentImports } from "./_components/recent-imports";
import { UploadForm } from "./_components/upload-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("import");
  return { title: t("title") };
}

/** Upload a spreadsheet; the latest imports below. Viewers get the generic 404: an import writes lines. */
export default async function ImportPage() {
  const user = await requireUser({ roles: ["admin", "editor"] });
  const [t, rows, locale] = await Promise.all([getTranslations("import"), listImports(user), getLocale().then(resolveLocale)]);
  const caps = t("upload.caps", {
    mb: formatNumber(IMPORT_LIMITS.maxBytes / 1024 / 1024, locale),
    rows: formatNumber(IMPORT_LIMITS.maxRows, locale),
    columns: formatNumber(IMPORT_LIMITS.maxColumns, locale),
  });
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-muted-foreground">{t("subtitle")}</p>
      </div>
      <section aria-labelledby="upload-heading" className="flex flex-col gap-3">
        <h2 id="upload-heading" className="text-lg font-semibold">
          {t("upload.heading")}
        </h2>
        <UploadForm hint={`${t("upload.hint")} ${caps} ${t("upload.nothingWritten")}`} />
      </section>
      <RecentImports rows={rows} />
    </div>
  );
}
