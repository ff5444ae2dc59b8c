"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { ContributionRow } from "@/db/queries/contributions";
import { cancelContribution, deleteContribution } from "../actions";

/** "Cancel this line?" / "Delete this line?": asks, runs the action, and reports the server's refusal. */
export function RowActionConfirm({
  row,
  action,
  onClose,
  onChanged,
  onRemoved,
}: {
  row: ContributionRow;
  action: "cancel" | "delete";
  onClose: () => void;
  onChanged: (row: ContributionRow) => void;
  onRemoved: (id: number) => void;
}) {
  const t = useTranslations("contributions");
  const tc = useTranslations();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run() {
    startTransition(async () => {
      setError(null);
      const result = action === "delete" ? await deleteContribution({ id: row.id, version: row.version }) : await cancelContribution({ id: row.id, version: row.version });
      if (!result.ok) {
        const field = result.fieldErrors?._form?.[0];
        setError(field ? tc(`validation.${field}` as never) : tc(`actionErrors.${result.error}` as never));
        return;
      }
      if (action === "delete") onRemoved(row.id);
      else if ("row" in result.data) onChanged(result.data.row);
      onClose();
    });
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent closeLabel={t("row.close")}>
        <DialogHeader>
          <DialogTitle>{action === "delete" ? t("row.delete") : t("row.cancel")}</DialogTitle>
          <DialogDescription>
            {row.acronym} · {t(`values.kind.${row.kind}`)} — {action === "delete" ? t("row.confirmDelete") : t("row.confirmCancel")}
          </DialogDescription>
        </DialogHeader>
        {error && (
          <p role="alert" className="text-destructive text-sm">
            {error}
          </p>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            {t("row.close")}
          </Button>
          <Button variant={action === "delete" ? "destructive" : "default"} disabled={pending} onClick={run}>
            {action === "delete" ? t("row.delete") : t("row.cancel")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
