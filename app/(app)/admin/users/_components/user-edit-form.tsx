"use client";

import { useTranslations } from "next-intl";
import { FormStatus } from "@/components/form/form-status";
import { TextField } from "@/components/form/text-field";
import { useVersionedEditForm } from "@/components/form/use-versioned-edit-form";
import { Button } from "@/components/ui/button";
import { updateUser } from "../actions";
import { updateUserSchema, type UpdateUserInput } from "../schemas";
import { AccessFields, type MinistryOption } from "./user-fields";

interface EditableUser {
  id: number;
  version: number;
  name: string;
  role: UpdateUserInput["role"];
  ministryId: number | null;
}

function valuesOf(user: EditableUser): UpdateUserInput {
  return { id: user.id, version: user.version, name: user.name, role: user.role, ministryId: user.ministryId === null ? "" : String(user.ministryId) };
}

export function UserEditForm({
  user,
  version,
  onSaved,
  ministries,
}: {
  user: EditableUser;
  /** The version this page last knew, shared by its forms (user-admin-forms.tsx). */
  version: number;
  onSaved: (version: number) => void;
  ministries: MinistryOption[];
}) {
  const t = useTranslations("users");
  const { form, onSubmit, failure, saved, current, loadTheirs } = useVersionedEditForm({
    schema: updateUserSchema,
    action: updateUser,
    record: user,
    toValues: valuesOf,
    version,
    onSaved,
  });
  return (
    <form onSubmit={onSubmit} className="flex max-w-lg flex-col gap-4" noValidate>
      <input type="hidden" {...form.register("id")} />
      {/* Not a form field (submit sends the shared version); kept in the page for whoever inspects it. */}
      <input type="hidden" name="version" value={version} readOnly />
      <TextField form={form} name="name" label={t("name")} autoComplete="off" />
      <AccessFields form={form} ministries={ministries} />
      <FormStatus
        failure={failure}
        saved={saved}
        savedText={t("saved")}
        conflict={
          current && (
            <Button
              type="button"
              variant="outline"
              size="sm"
              onClick={loadTheirs}
            >
              {t("loadTheirs")}
            </Button>
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
