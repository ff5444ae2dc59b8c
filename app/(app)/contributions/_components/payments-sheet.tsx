"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { ContributionRow } from "@/db/queries/contributions";
import { PaymentsPanel } from "./payments-panel";

/** A line's payments in a side sheet over the grid (loaded when first opened). */
export function PaymentsSheet({
  row,
  organizationName,
  canEdit,
  onClose,
  onContributionChanged,
}: {
  row: ContributionRow;
  organizationName: string;
  canEdit: boolean;
  onClose: () => void;
  onContributionChanged: (row: ContributionRow) => void;
}) {
  const t = useTranslations("contributions");
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent side="right" closeLabel={t("row.close")}>
        <DialogHeader>
          <DialogTitle>
            {row.acronym} · {t(`values.kind.${row.kind}`)} · {row.year}
          </DialogTitle>
          <DialogDescription>
            {organizationName} ·{" "}
            <Link className="underline" href={`/contributions/${row.id}`}>
              {t("grid.detailPage")}
            </Link>
          </DialogDescription>
        </DialogHeader>
        <PaymentsPanel contributionId={row.id} canEdit={canEdit} onContributionChanged={onContributionChanged} />
      </DialogContent>
    </Dialog>
  );
}
