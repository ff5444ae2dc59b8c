import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { listUsers } from "@/db/queries/users";
import { requireUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { UsersTable } from "./_components/users-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage() {
  await requireUser({ roles: ["admin"] });
  const [t, locale, rows] = await Promise.all([getTranslations("users"), getLocale(), listUsers()]);
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
      <UsersTable rows={rows} locale={resolveLocale(locale)} />
    </div>
  );
}
