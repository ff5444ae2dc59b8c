"use client";

import { useQueryStates } from "nuqs";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { FilterSelect, type FilterOption } from "@/components/filters/filter-fields";
import { Button } from "@/components/ui/button";
import { contributionKind } from "@/db/schema/enums";
import { reportParsers, type ReportView } from "../search-params";

/**
 * The year (or, on the years view, the range), ministry and kind, kept in the URL (nuqs) and read again by
 * the server. `ministries` is empty for a ministry-scoped reader: their scope is the filter.
 */
export function ReportFilters({
  view,
  year,
  from,
  to,
  years,
  ministries,
}: {
  view: ReportView;
  year: number;
  from: number;
  to: number;
  /** Years to choose from, newest first. */
  years: number[];
  ministries: FilterOption[];
}) {
  const t = useTranslations("reports.filters");
  const tKind = useTranslations("contributions.values.kind");
  const [isPending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(reportParsers, { shallow: false, startTransition, scroll: false, history: "push" });
  const filtered = params.ministry !== null || params.kind !== null;
  const choices = [...new Set([...years, year, from, to])].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }));

  return (
    <div className="flex flex-wrap items-end gap-3">
      {view === "years" ? (
        <>
          <FilterSelect label={t("from")} value={String(from)} onChange={(v) => void setParams({ from: Number(v) })} options={choices} />
          <FilterSelect label={t("to")} value={String(to)} onChange={(v) => void setParams({ to: Number(v) })} options={choices} />
        </>
      ) : (
        <FilterSelect label={t("year")} value={String(year)} onChange={(v) => void setParams({ year: Number(v) })} options={choices} />
      )}
      {ministries.length > 0 && (
        <FilterSelect
          label={t("ministry")}
          allLabel={t("allMinistries")}
          value={params.ministry === null ? "" : String(params.ministry)}
          onChange={(value) => void setParams({ ministry: value ? Number(value) : null })}
          options={ministries}
        />
      )}
      <FilterSelect
        label={t("kind")}
        allLabel={t("allKinds")}
        value={params.kind ?? ""}
        onChange={(value) => void setParams({ kind: contributionKind.enumValues.find((k) => k === value) ?? null })}
        options={contributionKind.enumValues.map((kind) => ({ value: kind, label: tKind(kind) }))}
      />
      {filtered && (
        <Button type="button" variant="outline" onClick={() => void setParams({ ministry: null, kind: null })}>
          {t("clear")}
        </Button>
      )}
      <p role="status" className="text-muted-foreground min-h-5 text-sm">
        {isPending ? t("loading") : ""}
      </p>
    </div>
  );
}
