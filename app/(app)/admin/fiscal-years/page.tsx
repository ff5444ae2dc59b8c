import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { listFiscalYears } from "@/db/queries/fiscal-years";
import { requireUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { FiscalYearsTable } from "./_components/fiscal-years-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("fiscalYears");
  return { title: t("title") };
}

export default async function FiscalYearsPage() {
  await requireUser({ roles: ["admin"] });
  const [t, locale, years] = await Promise.all([getTranslations("fiscalYears"), getLocale().then(resolveLocale), listFiscalYears()]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-muted-foreground max-w-3xl">{t("subtitle")}</p>
      </div>
      <FiscalYearsTable years={years} locale={locale} />
    </div>
  );
}
