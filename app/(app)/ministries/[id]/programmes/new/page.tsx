import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getMinistry } from "@/db/queries/ministries";
import { requireUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { currentYear } from "@/lib/years";
import { ProgrammeCreateForm } from "../../../_components/programme-create-form";
import { canEditProgrammes } from "../../../access";

const idOf = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("programmes");
  return { title: t("new") };
}

export default async function NewProgrammePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = idOf((await params).id);
  const ministry = id ? await getMinistry({ id }) : null;
  // Those who may not add programmes to this ministry get the generic 404, as for any page not theirs.
  if (!ministry || !canEditProgrammes(user, ministry.id)) notFound();
  const [t, locale] = await Promise.all([getTranslations("programmes"), getLocale().then(resolveLocale)]);
  const ministryName = locale === "en" ? ministry.nameEn : ministry.nameLv;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href={`/ministries/${ministry.id}?tab=programmes`} className="text-muted-foreground text-sm underline-offset-4 hover:underline">
          ← {ministryName}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">{t("new")}</h1>
        <p className="text-muted-foreground">{t("newIntro", { ministry: ministryName })}</p>
      </div>
      <ProgrammeCreateForm ministryId={ministry.id} defaultFromYear={currentYear()} />
    </div>
  );
}
