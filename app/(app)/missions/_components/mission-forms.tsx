"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { RecordLifecycle } from "@/components/form/record-lifecycle";
import type { CountryOption } from "./mission-fields";
import { MissionEditForm, type EditableMission } from "./mission-edit-form";
import { archiveMission, deleteMission, restoreMission } from "../actions";

/**
 * The edit and archive forms of one mission. They share the record's version: each save bumps it, and
 * the other form must send the new one at once, not the one of a page refresh still on its way (which
 * would look like someone else's change). A change by someone else still shows as a conflict.
 */
export function MissionForms({
  mission,
  archived,
  canDelete,
  countries,
}: {
  mission: EditableMission;
  archived: boolean;
  canDelete: boolean;
  countries: CountryOption[];
}) {
  const t = useTranslations("missions");
  const [version, setVersion] = useState(mission.version);
  return (
    <div className="flex flex-col gap-10">
      <section aria-labelledby="mission-details" className="flex flex-col gap-4">
        <h2 id="mission-details" className="text-lg font-semibold">
          {t("details")}
        </h2>
        <MissionEditForm mission={mission} version={version} onSaved={setVersion} countries={countries} />
      </section>
      <section aria-labelledby="mission-lifecycle" className="flex flex-col gap-4">
        <h2 id="mission-lifecycle" className="text-lg font-semibold">
          {t("lifecycle")}
        </h2>
        <RecordLifecycle
          namespace="missions"
          actions={{ archive: archiveMission, restore: restoreMission, remove: deleteMission }}
          listHref="/missions"
          id={mission.id}
          version={version}
          archived={archived}
          canDelete={canDelete}
          onSaved={setVersion}
        />
      </section>
    </div>
  );
}
