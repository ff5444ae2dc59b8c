"use client";

import { X } from "lucide-react";
import { debounce, useQueryStates } from "nuqs";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { FilterSearch, FilterSelect } from "@/components/filters/filter-fields";
import { Button } from "@/components/ui/button";
import { contributionKind } from "@/db/schema/enums";
import { GROUPS, gridParsers, STATUS_FILTERS } from "../search-params";

/**
 * Year switcher, filters and grouping, kept in the URL (nuqs) and read again by the server: a link to the
 * grid shows the same lines to whoever opens it. Changing the year or a filter asks the server for the rows.
 */
export function GridToolbar({
  year,
  years,
  ministries,
  currencies,
  organization,
  count,
}: {
  /** The year shown (the server's reading of the URL, the current year when none is given). */
  year: number;
  years: number[];
  ministries: { value: string; label: string }[];
  currencies: string[];
  /** The organization the grid is narrowed to (from the multi-year view), if any. */
  organization: { id: number; label: string } | null;
  count: number;
}) {
  const t = useTranslations("contributions");
  const [isPending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(gridParsers, { shallow: false, startTransition, scroll: false, history: "push" });

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-3">
        <FilterSelect
          label={t("year")}
          value={String(year)}
          onChange={(value) => void setParams({ year: Number(value) })}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <FilterSearch
          label={t("filters.search")}
          placeholder={t("filters.searchPlaceholder")}
          value={params.q}
          onChange={(value) => void setParams({ q: value || null }, { history: "replace", limitUrlUpdates: value ? debounce(350) : undefined })}
        />
        <FilterSelect
          label={t("filters.ministry")}
          allLabel={t("filters.allMinistries")}
          value={params.ministry === null ? "" : String(params.ministry)}
          onChange={(value) => void setParams({ ministry: value ? Number(value) : null })}
          options={ministries}
        />
        <FilterSelect
          label={t("filters.kind")}
          allLabel={t("filters.allKinds")}
          value={params.kind ?? ""}
          onChange={(value) => void setParams({ kind: contributionKind.enumValues.find((k) => k === value) ?? null })}
          options={contributionKind.enumValues.map((kind) => ({ value: kind, label: t(`values.kind.${kind}`) }))}
        />
        <FilterSelect
          label={t("filters.status")}
          allLabel={t("filters.allStatuses")}
          value={params.status ?? ""}
          onChange={(value) => void setParams({ status: STATUS_FILTERS.find((s) => s === value) ?? null })}
          options={STATUS_FILTERS.map((status) => ({ value: status, label: status === "overdue" ? t("filters.overdue") : t(`values.status.${status}`) }))}
        />
        <FilterSelect
          label={t("filters.currency")}
          allLabel={t("filters.allCurrencies")}
          value={params.currency ?? ""}
          onChange={(value) => void setParams({ currency: value || null })}
          options={currencies.map((code) => ({ value: code, label: code }))}
        />
        <FilterSelect
          label={t("filters.group")}
          allLabel={t("filters.groupNone")}
          value={params.group ?? ""}
          onChange={(value) => void setParams({ group: GROUPS.find((g) => g === value) ?? null }, { shallow: true })}
          options={[
            { value: "ministry", label: t("filters.groupMinistry") },
            { value: "organization", label: t("filters.groupOrganization") },
          ]}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        {organization && (
          <span className="bg-muted inline-flex items-center gap-1 rounded-full py-0.5 pr-1 pl-3">
            {t("filters.organization", { name: organization.label })}
            <Button variant="ghost" size="icon" className="size-6" aria-label={t("filters.clearOrganization")} onClick={() => void setParams({ org: null })}>
              <X className="size-3.5" aria-hidden />
            </Button>
          </span>
        )}
        <span role="status" className="text-muted-foreground" aria-live="polite">
          {isPending ? "…" : t("grid.rows", { count })}
        </span>
      </div>
    </div>
  );
}
