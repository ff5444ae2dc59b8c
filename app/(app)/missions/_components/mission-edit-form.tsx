"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { ConflictNotice, theirChanges } from "@/components/form/conflict-notice";
import { FormStatus } from "@/components/form/form-status";
import { useActionForm } from "@/components/form/use-action-form";
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
  const router = useRouter();
  const { form, onSubmit, failure, saved, setFailure } = useActionForm<UpdateMissionInput, { version: number }>({
    schema: updateMissionSchema,
    action: (values) => updateMission({ ...values, version }),
    defaultValues: valuesOf(mission),
    onSuccess: ({ version: next }, values) => {
      form.reset(values);
      onSaved(next);
      router.refresh();
    },
  });
  // Another form on the page saved (new version from the server): take the fresh values unless the user
  // is in the middle of editing, in which case saving will report the conflict instead.
  const { isDirty } = form.formState;
  useEffect(() => {
    if (!isDirty) form.reset(valuesOf(mission));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the server's version changes
  }, [mission.version]);
  const current = failure?.code === "conflict" ? (failure.current as EditableMission | undefined) : undefined;
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
              onLoad={() => {
                form.reset(valuesOf(current));
                onSaved(current.version);
                setFailure(null);
                router.refresh();
              }}
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
