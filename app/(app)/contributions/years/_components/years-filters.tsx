"use client";

import { useQueryStates } from "nuqs";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { FilterSelect } from "@/components/filters/filter-fields";
import { Button } from "@/components/ui/button";
import { contributionKind } from "@/db/schema/enums";
import { MAX_YEARS, yearsParsers } from "../search-params";

/**
 * The range and the ministry and kind filters, kept in the URL (nuqs) and read again by the server, which
 * also keeps the range within MAX_YEARS. `ministries` is empty for a scoped user: their scope is the filter.
 */
export function YearsFilters({
  from,
  to,
  years,
  ministries,
}: {
  from: number;
  to: number;
  /** Years to choose from, newest first. */
  years: number[];
  ministries: { value: string; label: string }[];
}) {
  const t = useTranslations("contributionYears.filters");
  const tValues = useTranslations("contributions.values.kind");
  const [isPending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(yearsParsers, { shallow: false, startTransition, scroll: false, history: "push" });
  const filtered = params.from !== null || params.to !== null || params.ministry !== null || params.kind !== null;
  const choices = [...new Set([...years, from, to])].sort((a, b) => b - a);

  const yearSelect = (key: "from" | "to", value: number) => (
    <FilterSelect label={t(key)} value={String(value)} onChange={(v) => void setParams({ [key]: Number(v) })} options={choices.map((y) => ({ value: String(y), label: String(y) }))} />
  );

  return (
    <div className="flex flex-wrap items-end gap-3">
      {yearSelect("from", from)}
      {yearSelect("to", to)}
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
        options={contributionKind.enumValues.map((kind) => ({ value: kind, label: tValues(kind) }))}
      />
      {filtered && (
        <Button type="button" variant="outline" onClick={() => void setParams({ from: null, to: null, ministry: null, kind: null })}>
          {t("clear")}
        </Button>
      )}
      <p role="status" className="text-muted-foreground min-h-5 text-sm">
        {isPending ? t("loading") : to - from + 1 >= MAX_YEARS ? t("maxYears", { count: MAX_YEARS }) : ""}
      </p>
    </div>
  );
}
