"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormStatus } from "@/components/form/form-status";
import type { FormFailure } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

type VersionedAction<R> = (input: { id: number; version: number }) => Promise<ActionResult<R>>;

/**
 * A record's archive/restore buttons (editors) and its hard delete (admins; the server refuses it while
 * anything refers to the record). The words come from the record's catalog: archive, restore, archiveHint,
 * archivedHint, nowArchived, nowRestored, delete, confirmDelete, cancel, deleteHint.
 */
export function RecordLifecycle({
  namespace,
  actions,
  listHref,
  id,
  version,
  archived,
  canDelete,
  onSaved,
}: {
  namespace: string;
  actions: { archive: VersionedAction<{ version: number }>; restore: VersionedAction<{ version: number }>; remove: VersionedAction<unknown> };
  /** Where to go once the record is deleted. */
  listHref: string;
  id: number;
  version: number;
  archived: boolean;
  canDelete: boolean;
  onSaved: (version: number) => void;
}) {
  const t = useTranslations(namespace);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  function toggle() {
    startTransition(async () => {
      setFailure(null);
      setSaved(null);
      const result = await (archived ? actions.restore : actions.archive)({ id, version });
      if (!result.ok) {
        setFailure({ code: result.error, current: result.current });
        return;
      }
      setSaved(archived ? t("nowRestored") : t("nowArchived"));
      onSaved(result.data.version);
      router.refresh();
    });
  }

  function remove() {
    startTransition(async () => {
      setFailure(null);
      setSaved(null);
      const result = await actions.remove({ id, version });
      setConfirming(false);
      if (!result.ok) {
        setFailure({ code: result.error, current: result.current });
        return;
      }
      router.push(listHref);
    });
  }

  return (
    <div className="flex flex-col items-start gap-3">
      <p className="text-muted-foreground text-sm">{archived ? t("archivedHint") : t("archiveHint")}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" onClick={toggle} disabled={pending}>
          {archived ? t("restore") : t("archive")}
        </Button>
        {canDelete &&
          (confirming ? (
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
          ))}
      </div>
      {canDelete && <p className="text-muted-foreground text-sm">{t("deleteHint")}</p>}
      <FormStatus failure={failure} saved={saved !== null} savedText={saved ?? undefined} />
    </div>
  );
}
