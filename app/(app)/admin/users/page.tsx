import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { loadTable } from "@/components/data-table/load";
import { parseTableQuery } from "@/components/data-table/spec";
import { Button } from "@/components/ui/button";
import { listUsers } from "@/db/queries/users";
import { requireUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { UsersTable } from "./_components/users-table";
import { ministryOptions } from "./ministry-options";
import { usersTableSpec } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser({ roles: ["admin"] });
  const query = parseTableQuery(usersTableSpec, await searchParams);
  const locale = resolveLocale(await getLocale());
  const [t, result, ministries] = await Promise.all([
    getTranslations("users"),
    loadTable("users", () => listUsers({ query })),
    ministryOptions(locale),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-muted-foreground">{t("subtitle")}</p>
        </div>
        <Button asChild>
          <Link href="/admin/users/new">{t("new")}</Link>
        </Button>
      </div>
      <UsersTable result={result} ministries={ministries} />
    </div>
  );
}
