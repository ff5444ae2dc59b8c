"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormStatus } from "@/components/form/form-status";
import type { FormFailure } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { deleteProgramme } from "../actions";

/** Delete, after a confirmation; refused ("in_use") for a programme that contributions are paid from. */
export function ProgrammeDelete({ id, ministryId, version }: { id: number; ministryId: number; version: number }) {
  const t = useTranslations("programmes");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [confirming, setConfirming] = useState(false);

  function remove() {
    startTransition(async () => {
      setFailure(null);
      const result = await deleteProgramme({ id, version });
      setConfirming(false);
      if (!result.ok) {
        setFailure({ code: result.error, current: result.current });
        return;
      }
      router.push(`/ministries/${ministryId}?tab=programmes`);
    });
  }

  return (
    <div className="flex flex-col items-start gap-3">
      <p className="text-muted-foreground text-sm">{t("deleteHint")}</p>
      <div className="flex flex-wrap gap-2">
        {confirming ? (
          <>
            <Button type="button" variant="destructive" onClick={remove} disabled={pending}>
              {t("confirmDelete")}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setConfirming(false)} disabled={pending}>
              {t("cancel")}
            </Button>
          </>
        ) : (
          <Button type="button" variant="destructive" onClick={() => setConfirming(true)} disabled={pending}>
            {t("delete")}
          </Button>
        )}
      </div>
      <FormStatus failure={failure} saved={false} />
    </div>
  );
}
