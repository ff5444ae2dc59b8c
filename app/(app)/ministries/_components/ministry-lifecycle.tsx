"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormStatus } from "@/components/form/form-status";
import type { FormFailure } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { deleteMinistry, setMinistryActive } from "../actions";

/** Deactivate or activate again, and the hard delete (refused while anything refers to the ministry). */
export function MinistryLifecycle({
  id,
  version,
  active,
  onSaved,
}: {
  id: number;
  version: number;
  active: boolean;
  onSaved: (version: number) => void;
}) {
  const t = useTranslations("ministries");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  function toggle() {
    startTransition(async () => {
      setFailure(null);
      setSaved(null);
      const result = await setMinistryActive({ id, version, active: !active });
      if (!result.ok) {
        setFailure({ code: result.error, current: result.current });
        return;
      }
      setSaved(active ? t("nowInactive") : t("nowActive"));
      onSaved(result.data.version);
      router.refresh();
    });
  }

  function remove() {
    startTransition(async () => {
      setFailure(null);
      setSaved(null);
      const result = await deleteMinistry({ id, version });
      setConfirming(false);
      if (!result.ok) {
        setFailure({ code: result.error, current: result.current });
        return;
      }
      router.push("/ministries");
    });
  }

  return (
    <div className="flex flex-col items-start gap-3">
      <p className="text-muted-foreground text-sm">{active ? t("deactivateHint") : t("inactiveHint")}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" onClick={toggle} disabled={pending}>
          {active ? t("deactivate") : t("activate")}
        </Button>
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
      <p className="text-muted-foreground text-sm">{t("deleteHint")}</p>
      <FormStatus failure={failure} saved={saved !== null} savedText={saved ?? undefined} />
    </div>
  );
}
