import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { Mission } from "@/db/schema";
import { formatDate } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { countryName } from "../countries";
import { FactsList } from "@/components/facts-list";

/** The mission's fields for those who may not edit them (viewers, other ministries' editors). */
export async function MissionSummary({ mission }: { mission: Mission }) {
  const [t, locale] = await Promise.all([getTranslations("missions"), getLocale().then(resolveLocale)]);
  const none = t("none");
  const items: [string, ReactNode][] = [
    [t("fields.nameLv"), <span key="lv" lang="lv">{mission.nameLv}</span>],
    [t("fields.nameEn"), <span key="en" lang="en">{mission.nameEn}</span>],
    [t("fields.city"), mission.city],
    [t("fields.countryCode"), countryName(mission.countryCode, locale)],
    [t("fields.address"), mission.address ?? none],
    [t("fields.headOfMission"), mission.headOfMission ?? none],
    [t("fields.email"), mission.email ? <a href={`mailto:${mission.email}`}>{mission.email}</a> : none],
    [t("fields.phone"), mission.phone ?? none],
    [t("fields.website"), mission.website ? <a href={mission.website} rel="noreferrer noopener" target="_blank">{mission.website}</a> : none],
    [t("fields.openedOn"), formatDate(mission.openedOn, locale)],
    [t("fields.closedOn"), formatDate(mission.closedOn, locale)],
    [t("fields.notes"), mission.notes ?? none],
  ];
  return (
    <section aria-labelledby="mission-details" className="flex flex-col gap-4">
      <h2 id="mission-details" className="text-lg font-semibold">
        {t("details")}
      </h2>
      <p className="text-muted-foreground text-sm">{t("readOnly")}</p>
      <FactsList items={items} valueClassName="[&_a]:text-primary [&_a]:underline-offset-4 [&_a:hover]:underline" />
    </section>
  );
}
