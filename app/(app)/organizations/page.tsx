import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { loadTable } from "@/components/data-table/load";
import { parseTableQuery } from "@/components/data-table/spec";
import { Button } from "@/components/ui/button";
import { listOrganizations } from "@/db/queries/organizations";
import { requireUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { currentYear } from "@/lib/years";
import { OrganizationsTable } from "./_components/organizations-table";
import { canCreateOrganizations } from "./access";
import { ministryOptions, missionOptions } from "./options";
import { organizationsTableSpec } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organizations");
  return { title: t("title") };
}

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const query = parseTableQuery(organizationsTableSpec, await searchParams);
  const locale = resolveLocale(await getLocale());
  const year = currentYear();
  const [t, result, ministries, missions] = await Promise.all([
    getTranslations("organizations"),
    loadTable("organizations", () => listOrganizations({ query, locale, year })),
    ministryOptions(locale),
    missionOptions(locale),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-muted-foreground">{t("subtitle")}</p>
        </div>
        {canCreateOrganizations(user) && (
          <Button asChild>
            <Link href="/organizations/new">{t("new")}</Link>
          </Button>
        )}
      </div>
      <OrganizationsTable result={result} year={year} ministries={ministries} missions={missions} />
    </div>
  );
}
