import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDashboardFigures } from "@/db/queries/dashboard";
import { requireUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { currentYear } from "@/lib/years";
import { ByMinistryTable } from "./_components/by-ministry-table";
import { DemoNotice } from "./_components/demo-notice";
import { RegisterCounts } from "./_components/register-counts";
import { YearMoney } from "./_components/year-money";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function DashboardPage() {
  const user = await requireUser();
  const [t, locale] = await Promise.all([getTranslations("dashboard"), getLocale()]);
  const year = currentYear();
  const figures = await getDashboardFigures({ year, ministryId: user.ministryId });
  const scope = locale === "en" ? user.ministryNameEn : user.ministryNameLv;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-muted-foreground">{t("subtitle", { year })}</p>
        {scope && (
          <p className="text-muted-foreground text-sm" data-testid="scope-note">
            {t("scope", { ministry: scope })}
          </p>
        )}
      </div>
      {figures.hasDemoData && <DemoNotice year={year} />}
      <RegisterCounts figures={figures} />
      <YearMoney figures={figures} locale={resolveLocale(locale)} />
      <ByMinistryTable figures={figures} locale={resolveLocale(locale)} />
    </div>
  );
}
