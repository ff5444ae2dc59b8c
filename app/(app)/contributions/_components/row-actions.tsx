"use client";

import { MoreHorizontal } from "lucide-react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { ContributionRow } from "@/db/queries/contributions";

// The question is loaded when first asked: the grid's script stays without a dialog.
const RowActionConfirm = dynamic(() => import("./row-action-confirm").then((m) => m.RowActionConfirm), { ssr: false });

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
  const [confirm, setConfirm] = useState<"cancel" | "delete" | null>(null);
  const canCancel = canEdit && row.status !== "cancelled" && row.paymentCount === 0;
  const canDelete = canEdit && row.status === "planned" && row.paymentCount === 0;

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
      {confirm && <RowActionConfirm row={row} action={confirm} onClose={() => setConfirm(null)} onChanged={onChanged} onRemoved={onRemoved} />}
    </>
  );
}
