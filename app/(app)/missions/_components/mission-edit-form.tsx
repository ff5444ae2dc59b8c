"use client";

import { useTranslations } from "next-intl";
import { ConflictNotice, theirChanges } from "@/components/form/conflict-notice";
import { FormStatus } from "@/components/form/form-status";
import { useVersionedEditForm } from "@/components/form/use-versioned-edit-form";
import { Button } from "@/components/ui/button";
import { updateMission } from "../actions";
import { updateMissionSchema, type UpdateMissionInput } from "../schemas";
import { EMPTY_MISSION, MissionFields, type CountryOption } from "./mission-fields";

/** A mission as the edit form needs it: its id, version and fields (null where empty). */
export type EditableMission = { id: number; version: number } & { [K in keyof typeof EMPTY_MISSION]: string | null };

function valuesOf(mission: EditableMission): UpdateMissionInput {
  const fields = Object.fromEntries(Object.keys(EMPTY_MISSION).map((key) => [key, mission[key as keyof typeof EMPTY_MISSION] ?? ""]));
  return { ...(fields as typeof EMPTY_MISSION), id: mission.id, version: mission.version };
}

export function MissionEditForm({
  mission,
  version,
  onSaved,
  countries,
}: {
  mission: EditableMission;
  /** The version this page last knew, shared with the archive form (mission-forms.tsx). */
  version: number;
  onSaved: (version: number) => void;
  countries: CountryOption[];
}) {
  const t = useTranslations("missions");
  const { form, onSubmit, failure, saved, current, loadTheirs } = useVersionedEditForm({
    schema: updateMissionSchema,
    action: updateMission,
    record: mission,
    toValues: valuesOf,
    version,
    onSaved,
  });
  return (
    <form onSubmit={onSubmit} className="flex max-w-3xl flex-col gap-4" noValidate>
      <input type="hidden" {...form.register("id")} />
      {/* Not a form field (submit sends the shared version); kept in the page for whoever inspects it. */}
      <input type="hidden" name="version" value={version} readOnly />
      <MissionFields form={form} countries={countries} />
      <FormStatus
        failure={failure}
        saved={saved}
        savedText={t("saved")}
        conflict={
          current && (
            <ConflictNotice
              changes={theirChanges(form.getValues(), valuesOf(current), Object.keys(EMPTY_MISSION) as (keyof typeof EMPTY_MISSION)[], (_, value) => String(value ?? ""))}
              label={(field) => t(`fields.${field}`)}
              empty={t("none")}
              loadLabel={t("loadTheirs")}
              onLoad={loadTheirs}
            />
          )
        }
      />
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
