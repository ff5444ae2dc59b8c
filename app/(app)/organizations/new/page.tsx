import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { OrganizationCreateForm } from "../_components/organization-create-form";
import { currencyOptions, ministryOptions } from "../options";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organizations");
  return { title: t("new") };
}

export default async function NewOrganizationPage() {
  const user = await requireUser({ roles: ["admin", "editor"] });
  const locale = resolveLocale(await getLocale());
  const [t, ministries, currencies] = await Promise.all([getTranslations("organizations"), ministryOptions(locale), currencyOptions(locale)]);
  // A scoped editor may only create organizations their own ministry leads: offer just that one.
  const leads = user.ministryId === null ? ministries : ministries.filter((m) => m.value === String(user.ministryId));
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/organizations" className="text-muted-foreground text-sm underline-offset-4 hover:underline">
          ← {t("title")}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">{t("new")}</h1>
        <p className="text-muted-foreground">{t("newIntro")}</p>
      </div>
      <OrganizationCreateForm ministries={leads} currencies={currencies} />
    </div>
  );
}
