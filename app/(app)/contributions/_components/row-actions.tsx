"use client";

import { MoreHorizontal } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { ContributionRow } from "@/db/queries/contributions";
import { cancelContribution, deleteContribution } from "../actions";

/**
 * The last cell of a line: payments and details, cancel (the line stays, counting for nothing), and delete
 * (only a planned line without payments). Each asks first; the server checks the same rules again.
 */
export function RowActions({
  row,
  canEdit,
  onOpenDetails,
  onChanged,
  onRemoved,
}: {
  row: ContributionRow;
  canEdit: boolean;
  onOpenDetails: () => void;
  onChanged: (row: ContributionRow) => void;
  onRemoved: (id: number) => void;
}) {
  const t = useTranslations("contributions");
  const tc = useTranslations();
  const [confirm, setConfirm] = useState<"cancel" | "delete" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const canCancel = canEdit && row.status !== "cancelled" && row.paymentCount === 0;
  const canDelete = canEdit && row.status === "planned" && row.paymentCount === 0;

  function run() {
    startTransition(async () => {
      setError(null);
      const result = confirm === "delete" ? await deleteContribution({ id: row.id, version: row.version }) : await cancelContribution({ id: row.id, version: row.version });
      if (!result.ok) {
        const field = result.fieldErrors?._form?.[0];
        setError(field ? tc(`validation.${field}` as never) : tc(`actionErrors.${result.error}` as never));
        return;
      }
      if (confirm === "delete") onRemoved(row.id);
      else if ("row" in result.data) onChanged(result.data.row);
      setConfirm(null);
    });
  }

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" className="size-7" tabIndex={-1} aria-label={`${t("row.actions")}: ${row.acronym}`}>
            <MoreHorizontal className="size-4" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={onOpenDetails}>{t("grid.openDetails")}</DropdownMenuItem>
          {canCancel && <DropdownMenuItem onSelect={() => setConfirm("cancel")}>{t("row.cancel")}</DropdownMenuItem>}
          {canDelete && (
            <DropdownMenuItem variant="destructive" onSelect={() => setConfirm("delete")}>
              {t("row.delete")}
            </DropdownMenuItem>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={confirm !== null} onOpenChange={(open) => !open && setConfirm(null)}>
        <DialogContent closeLabel={t("row.close")}>
          <DialogHeader>
            <DialogTitle>{confirm === "delete" ? t("row.delete") : t("row.cancel")}</DialogTitle>
            <DialogDescription>
              {row.acronym} · {t(`values.kind.${row.kind}`)} — {confirm === "delete" ? t("row.confirmDelete") : t("row.confirmCancel")}
            </DialogDescription>
          </DialogHeader>
          {error && (
            <p role="alert" className="text-destructive text-sm">
              {error}
            </p>
          )}
          <DialogFooter>
            <Button variant="outline" onClick={() => setConfirm(null)}>
              {t("row.close")}
            </Button>
            <Button variant={confirm === "delete" ? "destructive" : "default"} disabled={pending} onClick={run}>
              {confirm === "delete" ? t("row.delete") : t("row.cancel")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
