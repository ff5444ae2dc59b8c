import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/history/record-history";
import { RecordTabs } from "@/components/record-tabs";
import { getMinistry, getProgramme } from "@/db/queries/ministries";
import { requireUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { ProgrammeForms } from "../../../_components/programme-forms";
import { ProgrammeSummary } from "../../../_components/programme-summary";
import { canEditMinistries, canEditProgrammes } from "../../../access";

const idOf = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);

/** The programme of this ministry named by the URL; another ministry's programme id is "not found" here. */
async function load(params: Promise<{ id: string; programmeId: string }>) {
  const raw = await params;
  const ministryId = idOf(raw.id);
  const programmeId = idOf(raw.programmeId);
  if (!ministryId || !programmeId) return null;
  const [ministry, programme] = await Promise.all([getMinistry({ id: ministryId }), getProgramme({ id: programmeId })]);
  return ministry && programme && programme.ministryId === ministry.id ? { ministry, programme } : null;
}

export async function generateMetadata({ params }: { params: Promise<{ id: string; programmeId: string }> }): Promise<Metadata> {
  const [t, locale, found] = await Promise.all([getTranslations("programmes"), getLocale().then(resolveLocale), load(params)]);
  if (!found) return { title: t("title") };
  return { title: `${found.programme.code} ${locale === "en" ? found.programme.nameEn : found.programme.nameLv}` };
}

export default async function ProgrammePage({ params }: { params: Promise<{ id: string; programmeId: string }> }) {
  const user = await requireUser();
  const found = await load(params);
  if (!found) notFound();
  const { ministry, programme } = found;
  const [t, tHistory, locale] = await Promise.all([getTranslations("programmes"), getTranslations("history"), getLocale().then(resolveLocale)]);
  const ministryName = locale === "en" ? ministry.nameEn : ministry.nameLv;
  return (
    <div className="flex flex-col gap-8">
      <div>
        <Link href={`/ministries/${ministry.id}?tab=programmes`} className="text-muted-foreground text-sm underline-offset-4 hover:underline">
          ← {ministryName}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">
          <span className="font-mono">{programme.code}</span> {locale === "en" ? programme.nameEn : programme.nameLv}
        </h1>
        <p className="text-muted-foreground">{t("ofMinistry", { ministry: ministryName })}</p>
      </div>
      <RecordTabs
        label={tHistory("tabsLabel")}
        tabs={[
          {
            value: "details",
            label: tHistory("details"),
            content: canEditProgrammes(user, ministry.id) ? (
              <ProgrammeForms
                ministryId={ministry.id}
                canDelete={canEditMinistries(user)}
                programme={{
                  id: programme.id,
                  version: programme.version,
                  code: programme.code,
                  nameLv: programme.nameLv,
                  nameEn: programme.nameEn,
                  validFromYear: programme.validFromYear,
                  validToYear: programme.validToYear,
                }}
              />
            ) : (
              <ProgrammeSummary programme={programme} />
            ),
          },
          {
            value: "history",
            label: tHistory("tab"),
            content: <RecordHistory entity="budget_programmes" entityId={programme.id} namespace="programmes" />,
          },
        ]}
      />
    </div>
  );
}
