import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { loadTable } from "@/components/data-table/load";
import { parseTableQuery } from "@/components/data-table/spec";
import { Button } from "@/components/ui/button";
import { listMissionCountries, listMissions } from "@/db/queries/missions";
import { requireUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { MissionsTable } from "./_components/missions-table";
import { canEditMissions } from "./access";
import { countryName, countryOptions, countryOrder } from "./countries";
import { missionsTableSpec } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("missions");
  return { title: t("title") };
}

export default async function MissionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const query = parseTableQuery(missionsTableSpec, await searchParams);
  const locale = resolveLocale(await getLocale());
  const [t, loaded, countries, canEdit] = await Promise.all([
    getTranslations("missions"),
    loadTable("missions", () => listMissions({ query, locale, countryOrder: countryOrder(locale) })),
    listMissionCountries(),
    canEditMissions(user),
  ]);
  // Country names are given by the server: the browser's ICU could name them differently (hydration).
  const result = loaded.ok ? { ...loaded, rows: loaded.rows.map((row) => ({ ...row, countryName: countryName(row.countryCode, locale) })) } : loaded;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-muted-foreground">{t("subtitle")}</p>
        </div>
        {canEdit && (
          <Button asChild>
            <Link href="/missions/new">{t("new")}</Link>
          </Button>
        )}
      </div>
      <MissionsTable result={result} countries={countryOptions(locale, countries)} />
    </div>
  );
}
