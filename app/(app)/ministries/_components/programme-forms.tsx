"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ProgrammeDelete } from "./programme-delete";
import { ProgrammeEditForm, type EditableProgramme } from "./programme-edit-form";

/** The edit form and (for admins: hard deletes are theirs) the delete button of one programme, sharing its version. */
export function ProgrammeForms({ programme, ministryId, canDelete }: { programme: EditableProgramme; ministryId: number; canDelete: boolean }) {
  const t = useTranslations("programmes");
  const [version, setVersion] = useState(programme.version);
  return (
    <div className="flex flex-col gap-10">
      <section aria-labelledby="programme-details" className="flex flex-col gap-4">
        <h2 id="programme-details" className="text-lg font-semibold">
          {t("details")}
        </h2>
        <ProgrammeEditForm programme={programme} version={version} onSaved={setVersion} />
      </section>
      {canDelete && (
        <section aria-labelledby="programme-delete" className="flex flex-col gap-4">
          <h2 id="programme-delete" className="text-lg font-semibold">
            {t("delete")}
          </h2>
          <ProgrammeDelete id={programme.id} ministryId={ministryId} version={version} />
        </section>
      )}
    </div>
  );
}
