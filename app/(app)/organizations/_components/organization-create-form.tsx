"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { FormStatus } from "@/components/form/form-status";
import { SelectField } from "@/components/form/select-field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { createOrganization } from "../actions";
import { createOrganizationSchema, type CreateOrganizationInput } from "../schemas";
import { EMPTY_ORGANIZATION, OrganizationFields, type Choice } from "./organization-fields";

/**
 * A new organization and its lead ministry. A ministry-scoped editor is offered only their own ministry
 * (the action refuses any other); everyone else chooses.
 */
export function OrganizationCreateForm({ ministries, currencies }: { ministries: Choice[]; currencies: Choice[] }) {
  const t = useTranslations("organizations");
  const router = useRouter();
  const only = ministries.length === 1 ? ministries[0]!.value : "";
  const { form, onSubmit, failure, saved } = useActionForm<CreateOrganizationInput, { id: number }>({
    schema: createOrganizationSchema,
    action: createOrganization,
    defaultValues: { ...EMPTY_ORGANIZATION, leadMinistryId: only },
    onSuccess: ({ id }) => router.push(`/organizations/${id}`),
  });
  return (
    <form onSubmit={onSubmit} className="flex max-w-3xl flex-col gap-4" noValidate>
      <SelectField
        form={form}
        name="leadMinistryId"
        label={t("fields.leadMinistryId")}
        hint={t("hints.leadMinistryId")}
        options={only ? ministries : [{ value: "", label: t("chooseMinistry") }, ...ministries]}
      />
      <OrganizationFields form={form} currencies={currencies} />
      <FormStatus failure={failure} saved={saved} />
      <div>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t("create")}
        </Button>
      </div>
    </form>
  );
}
