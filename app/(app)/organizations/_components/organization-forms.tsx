"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { RecordLifecycle } from "@/components/form/record-lifecycle";
import type { Choice } from "./organization-fields";
import { OrganizationEditForm, type EditableOrganization } from "./organization-edit-form";
import { archiveOrganization, deleteOrganization, restoreOrganization } from "../actions";

/**
 * The edit and archive forms of one organization. They share the record's version: each save bumps it,
 * and the other form must send the new one at once, not the one of a page refresh still on its way (which
 * would look like someone else's change). A change by someone else still shows as a conflict.
 */
export function OrganizationForms({
  organization,
  archived,
  canDelete,
  currencies,
}: {
  organization: EditableOrganization;
  archived: boolean;
  canDelete: boolean;
  currencies: Choice[];
}) {
  const t = useTranslations("organizations");
  const [version, setVersion] = useState(organization.version);
  return (
    <>
      <section aria-labelledby="organization-details" className="flex flex-col gap-4">
        <h2 id="organization-details" className="text-lg font-semibold">
          {t("details")}
        </h2>
        <OrganizationEditForm organization={organization} version={version} onSaved={setVersion} currencies={currencies} />
      </section>
      <section aria-labelledby="organization-lifecycle" className="flex flex-col gap-4">
        <h2 id="organization-lifecycle" className="text-lg font-semibold">
          {t("lifecycle")}
        </h2>
        <RecordLifecycle
          namespace="organizations"
          actions={{ archive: archiveOrganization, restore: restoreOrganization, remove: deleteOrganization }}
          listHref="/organizations"
          id={organization.id}
          version={version}
          archived={archived}
          canDelete={canDelete}
          onSaved={setVersion}
        />
      </section>
    </>
  );
}
