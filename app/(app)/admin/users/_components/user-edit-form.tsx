"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { FormStatus } from "@/components/form/form-status";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
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
  const router = useRouter();
  const { form, onSubmit, failure, saved, setFailure } = useActionForm<UpdateUserInput, { version: number }>({
    schema: updateUserSchema,
    action: (values) => updateUser({ ...values, version }),
    defaultValues: valuesOf(user),
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
    if (!isDirty) form.reset(valuesOf(user));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the server's version changes
  }, [user.version]);
  const current = failure?.code === "conflict" ? (failure.current as EditableUser | undefined) : undefined;
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
              onClick={() => {
                form.reset(valuesOf(current));
                onSaved(current.version);
                setFailure(null);
                router.refresh();
              }}
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
