"use client";

import { useTranslations } from "next-intl";
import { ConflictNotice, theirChanges } from "@/components/form/conflict-notice";
import { FormStatus } from "@/components/form/form-status";
import { useVersionedEditForm } from "@/components/form/use-versioned-edit-form";
import { Button } from "@/components/ui/button";
import { updateOrganization } from "../actions";
import { updateOrganizationSchema, type UpdateOrganizationInput } from "../schemas";
import { EMPTY_ORGANIZATION, OrganizationFields, type Choice, type OrganizationFieldName } from "./organization-fields";

/** An organization as the edit form needs it: id, version and fields (null where empty). */
export type EditableOrganization = { id: number; version: number; billingCurrencies: string[] } & {
  [K in Exclude<OrganizationFieldName, "billingCurrencies">]: string | null;
};

const FIELDS = Object.keys(EMPTY_ORGANIZATION) as OrganizationFieldName[];

export function valuesOf(organization: EditableOrganization): UpdateOrganizationInput {
  const fields = Object.fromEntries(
    FIELDS.map((key) => [key, key === "billingCurrencies" ? [...(organization.billingCurrencies ?? [])] : (organization[key] ?? "")]),
  );
  return { ...(fields as typeof EMPTY_ORGANIZATION), id: organization.id, version: organization.version };
}

const shown = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(", ") : (value ?? ""));

export function OrganizationEditForm({
  organization,
  version,
  onSaved,
  currencies,
}: {
  organization: EditableOrganization;
  /** The version this page last knew, shared with the archive form (organization-forms.tsx). */
  version: number;
  onSaved: (version: number) => void;
  currencies: Choice[];
}) {
  const t = useTranslations("organizations");
  const { form, onSubmit, failure, saved, current, loadTheirs } = useVersionedEditForm({
    schema: updateOrganizationSchema,
    action: updateOrganization,
    record: organization,
    toValues: valuesOf,
    version,
    onSaved,
  });
  return (
    <form onSubmit={onSubmit} className="flex max-w-3xl flex-col gap-4" noValidate>
      <input type="hidden" {...form.register("id")} />
      {/* Not a form field (submit sends the shared version); kept in the page for whoever inspects it. */}
      <input type="hidden" name="version" value={version} readOnly />
      <OrganizationFields form={form} currencies={currencies} />
      <FormStatus
        failure={failure}
        saved={saved}
        savedText={t("saved")}
        conflict={
          current && (
            <ConflictNotice
              intro={t("theirValues")}
              changes={theirChanges(form.getValues(), valuesOf(current), FIELDS, (key, value) => key === "kind" && value ? t(`values.kind.${value}`) : shown(value as string | string[] | undefined))}
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
