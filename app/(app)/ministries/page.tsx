import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { loadTable } from "@/components/data-table/load";
import { parseTableQuery } from "@/components/data-table/spec";
import { Button } from "@/components/ui/button";
import { listMinistries } from "@/db/queries/ministries";
import { requireUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { MinistriesTable } from "./_components/ministries-table";
import { canEditMinistries } from "./access";
import { ministriesTableSpec } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ministries");
  return { title: t("title") };
}

export default async function MinistriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const query = parseTableQuery(ministriesTableSpec, await searchParams);
  const locale = resolveLocale(await getLocale());
  const [t, result] = await Promise.all([getTranslations("ministries"), loadTable("ministries", () => listMinistries({ query, locale }))]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-muted-foreground">{t("subtitle")}</p>
        </div>
        {canEditMinistries(user) && (
          <Button asChild>
            <Link href="/ministries/new">{t("new")}</Link>
          </Button>
        )}
      </div>
      <MinistriesTable result={result} />
    </div>
  );
}
