import { getLocale, getTranslations } from "next-intl/server";
import type { DashboardFigures } from "@/db/queries/dashboard";
import { formatNumber } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { StatCard } from "./stat-card";

export async function RegisterCounts({ figures }: { figures: DashboardFigures }) {
  const [t, locale] = await Promise.all([getTranslations("dashboard"), getLocale().then(resolveLocale)]);
  const items = [
    { label: t("organizations"), value: figures.organizations },
    { label: t("missions"), value: figures.missions },
    { label: t("ministries"), value: figures.ministries },
    { label: t("contributions", { year: figures.year }), value: figures.contributions },
  ];
  return (
    <section aria-labelledby="register-counts">
      <h2 id="register-counts" className="mb-3 text-lg font-semibold">
        {t("counts")}
      </h2>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {items.map((item) => (
          <StatCard key={item.label} label={item.label} value={formatNumber(item.value, locale)} />
        ))}
      </dl>
    </section>
  );
}
