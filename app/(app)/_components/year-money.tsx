import { getTranslations } from "next-intl/server";
import type { DashboardFigures } from "@/db/queries/dashboard";
import { formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { StatCard } from "./stat-card";

export async function YearMoney({ figures, locale }: { figures: DashboardFigures; locale: Locale }) {
  const t = await getTranslations("dashboard");
  const eur = (value: string) => formatMoney(value, "EUR", locale);
  return (
    <section aria-labelledby="year-money">
      <h2 id="year-money" className="mb-3 text-lg font-semibold">
        {t("money", { year: figures.year })}
      </h2>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard label={t("planned")} value={eur(figures.plannedEur)} />
        <StatCard label={t("assessed")} value={eur(figures.assessedEur)} />
        <StatCard label={t("paid")} value={eur(figures.paidEur)} />
        <StatCard
          label={t("outstanding")}
          value={eur(figures.outstandingEur)}
          note={t("overdue", { count: figures.overdue })}
        />
      </dl>
    </section>
  );
}
