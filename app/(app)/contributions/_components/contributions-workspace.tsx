"use client";

import dynamic from "next/dynamic";
import { useQueryStates } from "nuqs";
import { useTranslations } from "next-intl";
import { useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ContributionRow } from "@/db/queries/contributions";
import type { GridOptions } from "@/db/queries/grid-options";
import type { Locale } from "@/lib/i18n/config";
import { unpackJson, unpackRows, type PackedJson, type PackedRows } from "@/lib/packed";
import { gridParsers } from "../search-params";
// The sheet is drawn in the browser only: it needs script to do anything, and rendering 2,000 lines on the
// server as well cost the page more than the whole bare route (npm run bench:grid). The lines still come
// with the page.
const ContributionGrid = dynamic(() => import("./contribution-grid").then((m) => m.ContributionGrid), { ssr: false, loading: GridLoading });

/** The sheet's place while its script loads: the same height, and a status a screen reader announces. */
function GridLoading() {
  const t = useTranslations("contributions.grid");
  return (
    <div role="status" className="text-muted-foreground flex h-[60vh] items-center justify-center rounded-md border text-sm">
      {t("loading")}
    </div>
  );
}
import { gridNames } from "./grid-columns";
import { GridToolbar } from "./grid-toolbar";

// Loaded when first opened: the grid's own script stays small (forms and the payments panel are not needed
// to read or edit the sheet).
const AddContribution = dynamic(() => import("./add-contribution").then((m) => m.AddContribution), { ssr: false });
const PaymentsSheet = dynamic(() => import("./payments-sheet").then((m) => m.PaymentsSheet), { ssr: false });

type GridEdits = { addRow: (row: ContributionRow) => void; replaceRow: (row: ContributionRow) => void; removeRow: (id: number) => void };

/** The year grid with its toolbar, the "add" dialog and the side panel of a line's payments. */
export function ContributionsWorkspace({
  rows: packedRows,
  count,
  organizations: packedOrganizations,
  options: packedOptions,
  years,
  year,
  locale,
  canEdit,
  scopeMinistryId,
  organization,
}: {
  /** The year's lines and the select cells' options, packed (lib/packed: one string each crosses faster). */
  rows: PackedRows<ContributionRow>;
  /** How many lines the server found (the toolbar says so before the sheet is drawn). */
  count: number;
  /** GridOptions' longest list (every organization), packed as rows; `options` holds the rest. */
  organizations: PackedRows<GridOptions["organizations"][number]>;
  options: PackedJson<GridOptions>;
  years: number[];
  year: number;
  locale: Locale;
  canEdit: boolean;
  scopeMinistryId: number | null;
  organization: { id: number; label: string } | null;
}) {
  const t = useTranslations("contributions");
  // Unpacked in the browser only, where the sheet is drawn.
  const rows = useMemo(() => (typeof window === "undefined" ? [] : unpackRows(packedRows)), [packedRows]);
  const options = useMemo(() => ({ ...unpackJson(packedOptions), organizations: unpackRows(packedOrganizations) }), [packedOptions, packedOrganizations]);
  const names = useMemo(() => gridNames(options, locale), [options, locale]);
  const [{ group }] = useQueryStates(gridParsers);
  const edits = useRef<GridEdits | null>(null);
  const [details, setDetails] = useState<ContributionRow | null>(null);
  const [adding, setAdding] = useState(false);
  const name = (item: { nameLv: string; nameEn: string }) => (locale === "en" ? item.nameEn : item.nameLv);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <GridToolbar
          year={year}
          years={years}
          ministries={options.ministries.filter((m) => m.active).map((m) => ({ value: String(m.id), label: name(m) }))}
          currencies={options.currencies.map((c) => c.code)}
          organization={organization}
          count={count}
        />
        {canEdit && <Button onClick={() => setAdding(true)}>{t("row.add")}</Button>}
        {adding && (
          <AddContribution
            year={year}
            options={options}
            locale={locale}
            scopeMinistryId={scopeMinistryId}
            onAdded={(row) => edits.current?.addRow(row)}
            onClose={() => setAdding(false)}
          />
        )}
      </div>
      <ContributionGrid
        rows={rows}
        options={options}
        names={names}
        locale={locale}
        canEdit={canEdit}
        group={group}
        caption={t("caption", { year })}
        onOpenDetails={setDetails}
        editsRef={edits}
      />
      {details && (
        <PaymentsSheet
          row={details}
          organizationName={names.organization(details.organizationId) ?? details.acronym}
          canEdit={canEdit}
          onClose={() => setDetails(null)}
          onContributionChanged={(row) => {
            edits.current?.replaceRow(row);
            setDetails(row);
          }}
        />
      )}
    </div>
  );
}
