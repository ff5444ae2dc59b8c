import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { UserCreateForm } from "../_components/user-create-form";
import { ministryOptions } from "../ministry-options";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("new") };
}

export default async function NewUserPage() {
  await requireUser({ roles: ["admin"] });
  const [t, locale] = await Promise.all([getTranslations("users"), getLocale()]);
  const ministries = await ministryOptions(resolveLocale(locale));
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("new")}</h1>
        <p className="text-muted-foreground">{t("newIntro")}</p>
      </div>
      <UserCreateForm ministries={ministries} />
    </div>
  );
}
