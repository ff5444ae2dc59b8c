import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { MissionCreateForm } from "../_components/mission-create-form";
import { canEditMissions } from "../access";
import { countryOptions } from "../countries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("missions");
  return { title: t("new") };
}

export default async function NewMissionPage() {
  const user = await requireUser();
  // Those who may not create missions get the generic 404, as for any page that is not theirs.
  if (!(await canEditMissions(user))) notFound();
  const [t, locale] = await Promise.all([getTranslations("missions"), getLocale().then(resolveLocale)]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/missions" className="text-muted-foreground text-sm underline-offset-4 hover:underline">
          ← {t("title")}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">{t("new")}</h1>
        <p className="text-muted-foreground">{t("newIntro")}</p>
      </div>
      <MissionCreateForm countries={countryOptions(locale)} />
    </div>
  );
}
