"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ResetPasswordForm } from "./reset-password-form";
import { UserEditForm } from "./user-edit-form";
import type { MinistryOption } from "./user-fields";
import { UserStatusForm } from "./user-status-form";

interface AdministeredUser {
  id: number;
  version: number;
  name: string;
  role: "admin" | "editor" | "viewer";
  ministryId: number | null;
  disabled: boolean;
}

/**
 * The three forms of one user's page. They share the record's version: each save bumps it, and the next
 * form must send the new one at once, not the one of a page refresh still on its way (which would look
 * like someone else's change). A change by someone else still shows as a conflict.
 */
export function UserAdminForms({ user, isSelf, ministries }: { user: AdministeredUser; isSelf: boolean; ministries: MinistryOption[] }) {
  const t = useTranslations("users");
  const [version, setVersion] = useState(user.version);
  return (
    <>
      <section aria-labelledby="access" className="flex flex-col gap-4">
        <h2 id="access" className="text-lg font-semibold">
          {t("access")}
        </h2>
        <UserEditForm user={user} version={version} onSaved={setVersion} ministries={ministries} />
      </section>
      {!isSelf && (
        <>
          <section aria-labelledby="password" className="flex flex-col gap-4">
            <h2 id="password" className="text-lg font-semibold">
              {t("resetPassword")}
            </h2>
            <ResetPasswordForm id={user.id} version={version} onSaved={setVersion} />
          </section>
          <section aria-labelledby="status" className="flex flex-col gap-4">
            <h2 id="status" className="text-lg font-semibold">
              {user.disabled ? t("disabled") : t("active")}
            </h2>
            <UserStatusForm id={user.id} version={version} disabled={user.disabled} onSaved={setVersion} />
          </section>
        </>
      )}
    </>
  );
}
