"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { FormStatus } from "@/components/form/form-status";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { createMission } from "../actions";
import { createMissionSchema, type CreateMissionInput } from "../schemas";
import { EMPTY_MISSION, MissionFields, type CountryOption } from "./mission-fields";

export function MissionCreateForm({ countries }: { countries: CountryOption[] }) {
  const t = useTranslations("missions");
  const router = useRouter();
  const { form, onSubmit, failure, saved } = useActionForm<CreateMissionInput, { id: number }>({
    schema: createMissionSchema,
    action: createMission,
    defaultValues: EMPTY_MISSION,
    onSuccess: ({ id }) => router.push(`/missions/${id}`),
  });
  return (
    <form onSubmit={onSubmit} className="flex max-w-3xl flex-col gap-4" noValidate>
      <MissionFields form={form} countries={countries} />
      <FormStatus failure={failure} saved={saved} />
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t("create")}
        </Button>
      </div>
    </form>
  );
}
