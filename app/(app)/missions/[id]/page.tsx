import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/history/record-history";
import { RecordTabs } from "@/components/record-tabs";
import { Badge } from "@/components/ui/badge";
import {
  listAddableMinistries,
  listAddableOrganizations,
  listMissionMinistries,
  listMissionOrganizations,
} from "@/db/queries/mission-links";
import { getMission } from "@/db/queries/missions";
import { requireUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { currentYear } from "@/lib/years";
import { MissionContributions } from "../_components/mission-contributions";
import { MissionForms } from "../_components/mission-forms";
import { MissionMinistries } from "../_components/mission-ministries";
import { MissionOrganizations } from "../_components/mission-organizations";
import { MissionSummary } from "../_components/mission-summary";
import { canEditMissions, isAdmin } from "../access";
import { countryName, countryOptions } from "../countries";

const idOf = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [t, locale, id] = await Promise.all([getTranslations("missions"), getLocale().then(resolveLocale), params.then((p) => idOf(p.id))]);
  const mission = id ? await getMission({ id }) : null;
  return { title: mission ? (locale === "en" ? mission.nameEn : mission.nameLv) : t("title") };
}

export default async function MissionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = idOf((await params).id);
  const mission = id ? await getMission({ id }) : null;
  if (!mission) notFound();
  const year = currentYear();
  const [t, tHistory, locale, canEdit, organizations, addableOrganizations, ministries, addableMinistries] = await Promise.all([
    getTranslations("missions"),
    getTranslations("history"),
    getLocale().then(resolveLocale),
    canEditMissions(user),
    listMissionOrganizations({ missionId: mission.id }),
    listAddableOrganizations({ missionId: mission.id }),
    listMissionMinistries({ missionId: mission.id }),
    listAddableMinistries({ missionId: mission.id }),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <div>
        <Link href="/missions" className="text-muted-foreground text-sm underline-offset-4 hover:underline">
          ← {t("title")}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">{locale === "en" ? mission.nameEn : mission.nameLv}</h1>
        <p className="text-muted-foreground flex flex-wrap items-center gap-2">
          {mission.city}, {countryName(mission.countryCode, locale)}
          {mission.archivedAt && <Badge variant="outline">{t("archived")}</Badge>}
        </p>
      </div>
      <RecordTabs
        label={tHistory("tabsLabel")}
        tabs={[
          {
            value: "details",
            label: tHistory("details"),
            content: canEdit ? (
              <MissionForms
                mission={{
                  id: mission.id,
                  version: mission.version,
                  nameLv: mission.nameLv,
                  nameEn: mission.nameEn,
                  city: mission.city,
                  countryCode: mission.countryCode,
                  address: mission.address,
                  headOfMission: mission.headOfMission,
                  email: mission.email,
                  phone: mission.phone,
                  website: mission.website,
                  openedOn: mission.openedOn,
                  closedOn: mission.closedOn,
                  notes: mission.notes,
                }}
                archived={!!mission.archivedAt}
                canDelete={isAdmin(user)}
                countries={countryOptions(locale)}
              />
            ) : (
              <MissionSummary mission={mission} />
            ),
          },
          {
            value: "organizations",
            label: t("tabs.organizations"),
            content: <MissionOrganizations missionId={mission.id} rows={organizations} addable={addableOrganizations} canEdit={canEdit} />,
          },
          {
            value: "ministries",
            label: t("tabs.ministries"),
            content: <MissionMinistries missionId={mission.id} rows={ministries} addable={addableMinistries} canEdit={canEdit} />,
          },
          { value: "contributions", label: t("tabs.contributions", { year }), content: <MissionContributions missionId={mission.id} year={year} /> },
          { value: "history", label: tHistory("tab"), content: <RecordHistory entity="missions" entityId={mission.id} namespace="missions" /> },
        ]}
      />
    </div>
  );
}
