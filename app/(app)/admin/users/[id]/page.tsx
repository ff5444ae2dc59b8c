import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/history/record-history";
import { RecordTabs } from "@/components/record-tabs";
import { getUser } from "@/db/queries/users";
import { requireUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { UserAdminForms } from "../_components/user-admin-forms";
import { ministryOptions } from "../ministry-options";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("edit") };
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireUser({ roles: ["admin"] });
  const { id: raw } = await params;
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  const user = id ? await getUser({ id }) : null;
  if (!user) notFound();
  const [t, tHistory, localeTag] = await Promise.all([getTranslations("users"), getTranslations("history"), getLocale()]);
  const locale = resolveLocale(localeTag);
  const ministries = await ministryOptions(locale);
  return (
    <div className="flex flex-col gap-8">
      <div>
        <Link href="/admin/users" className="text-muted-foreground text-sm underline-offset-4 hover:underline">
          ← {t("title")}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">{user.name}</h1>
        <p className="text-muted-foreground">
          {user.email} · {t("lastLogin")}: {user.lastLoginAt ? formatDate(user.lastLoginAt, locale) : t("never")}
        </p>
      </div>
      <RecordTabs
        label={tHistory("tabsLabel")}
        tabs={[
          {
            value: "details",
            label: tHistory("details"),
            content: (
              <UserAdminForms
                user={{
                  id: user.id,
                  version: user.version,
                  name: user.name,
                  role: user.role,
                  ministryId: user.ministryId,
                  disabled: !!user.disabledAt,
                }}
                isSelf={user.id === me.id}
                ministries={ministries}
              />
            ),
          },
          { value: "history", label: tHistory("tab"), content: <RecordHistory entity="users" entityId={user.id} namespace="users" /> },
        ]}
      />
    </div>
  );
}
