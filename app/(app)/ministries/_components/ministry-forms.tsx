"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { MinistryEditForm, type EditableMinistry } from "./ministry-edit-form";
import { MinistryLifecycle } from "./ministry-lifecycle";

/**
 * The edit and status forms of one ministry (admins). They share the record's version: each save bumps
 * it, and the other form must send the new one at once, not the one of a page refresh still on its way
 * (which would look like someone else's change). A change by someone else still shows as a conflict.
 */
export function MinistryForms({ ministry }: { ministry: EditableMinistry }) {
  const t = useTranslations("ministries");
  const [version, setVersion] = useState(ministry.version);
  return (
    <div className="flex flex-col gap-10">
      <section aria-labelledby="ministry-details" className="flex flex-col gap-4">
        <h2 id="ministry-details" className="text-lg font-semibold">
          {t("details")}
        </h2>
        <MinistryEditForm ministry={ministry} version={version} onSaved={setVersion} />
      </section>
      <section aria-labelledby="ministry-lifecycle" className="flex flex-col gap-4">
        <h2 id="ministry-lifecycle" className="text-lg font-semibold">
          {t("lifecycle")}
        </h2>
        <MinistryLifecycle id={ministry.id} version={version} active={ministry.active} onSaved={setVersion} />
      </section>
    </div>
  );
}
