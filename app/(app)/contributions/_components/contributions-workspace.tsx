"use client";

import dynamic from "next/dynamic";
import { useQueryStates } from "nuqs";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { ContributionRow, GridOptions } from "@/db/queries/contributions";
import type { Locale } from "@/lib/i18n/config";
import { gridParsers } from "../search-params";
import { ContributionGrid } from "./contribution-grid";
import { GridToolbar } from "./grid-toolbar";

// Loaded when first opened: the grid's own script stays small (forms and the payments panel are not needed
// to read or edit the sheet).
const AddContribution = dynamic(() => import("./add-contribution").then((m) => m.AddContribution), { ssr: false, loading: AddPlaceholder });
const PaymentsPanel = dynamic(() => import("./payments-panel").then((m) => m.PaymentsPanel), { ssr: false });

/** The "add" button's place while its dialog's script loads. */
function AddPlaceholder() {
  const t = useTranslations("contributions");
  return <Button disabled>{t("row.add")}</Button>;
}

type GridEdits = { addRow: (row: ContributionRow) => void; replaceRow: (row: ContributionRow) => void; removeRow: (id: number) => void };

/** The year grid with its toolbar, the "add" dialog and the side panel of a line's payments. */
export function ContributionsWorkspace({
  rows,
  options,
  years,
  year,
  locale,
  canEdit,
  scopeMinistryId,
  organization,
}: {
  rows: ContributionRow[];
  options: GridOptions;
  years: number[];
  year: number;
  locale: Locale;
  canEdit: boolean;
  scopeMinistryId: number | null;
  organization: { id: number; label: string } | null;
}) {
  const t = useTranslations("contributions");
  const [{ group }] = useQueryStates(gridParsers);
  const edits = useRef<GridEdits | null>(null);
  const [details, setDetails] = useState<ContributionRow | null>(null);
  const name = (item: { nameLv: string; nameEn: string }) => (locale === "en" ? item.nameEn : item.nameLv);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <GridToolbar
          year={year}
          years={years}
          ministries={options.ministries.map((m) => ({ value: String(m.id), label: name(m) }))}
          currencies={options.currencies.map((c) => c.code)}
          organization={organization}
          count={rows.length}
        />
        {canEdit && <AddContribution year={year} options={options} locale={locale} scopeMinistryId={scopeMinistryId} onAdded={(row) => edits.current?.addRow(row)} />}
      </div>
      <ContributionGrid
        rows={rows}
        options={options}
        locale={locale}
        canEdit={canEdit}
        group={group}
        caption={t("caption", { year })}
        onOpenDetails={setDetails}
        editsRef={edits}
      />
      <Dialog open={details !== null} onOpenChange={(open) => !open && setDetails(null)}>
        {details && (
          <DialogContent side="right" closeLabel={t("row.close")}>
            <DialogHeader>
              <DialogTitle>
                {details.acronym} · {t(`values.kind.${details.kind}`)} · {details.year}
              </DialogTitle>
              <DialogDescription>
                {name({ nameLv: details.organizationNameLv, nameEn: details.organizationNameEn })} ·{" "}
                <Link className="underline" href={`/contributions/${details.id}`}>
                  {t("grid.detailPage")}
                </Link>
              </DialogDescription>
            </DialogHeader>
            <PaymentsPanel
              contributionId={details.id}
              canEdit={canEdit}
              onContributionChanged={(row) => {
                edits.current?.replaceRow(row);
                setDetails(row);
              }}
            />
          </DialogContent>
        )}
      </Dialog>
    </div>
  );
}
