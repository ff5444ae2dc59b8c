"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { FormStatus } from "@/components/form/form-status";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { createProgramme } from "../actions";
import { createProgrammeSchema, type CreateProgrammeInput } from "../schemas";
import { EMPTY_PROGRAMME, ProgrammeFields } from "./programme-fields";

export function ProgrammeCreateForm({ ministryId, defaultFromYear }: { ministryId: number; defaultFromYear: number }) {
  const t = useTranslations("programmes");
  const router = useRouter();
  const { form, onSubmit, failure, saved } = useActionForm<CreateProgrammeInput, { id: number; ministryId: number }>({
    schema: createProgrammeSchema,
    action: createProgramme,
    defaultValues: { ...EMPTY_PROGRAMME, ministryId: String(ministryId), validFromYear: String(defaultFromYear) },
    onSuccess: ({ id }) => router.push(`/ministries/${ministryId}/programmes/${id}`),
  });
  return (
    <form onSubmit={onSubmit} className="flex max-w-3xl flex-col gap-4" noValidate>
      <input type="hidden" {...form.register("ministryId")} />
      <ProgrammeFields form={form} />
      <FormStatus failure={failure} saved={saved} />
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t("create")}
        </Button>
      </div>
    </form>
  );
}
