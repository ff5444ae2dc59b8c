"use client";

import { useQueryStates } from "nuqs";
import { useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { contributionKind, type ContributionKind } from "@/db/schema/enums";
import { MAX_YEARS, yearsParsers } from "../search-params";

const selectClass = "border-input h-9 rounded-md border bg-transparent px-2 text-sm shadow-xs";

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
  const id = useId();
  const [isPending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(yearsParsers, { shallow: false, startTransition, scroll: false, history: "push" });
  const filtered = params.from !== null || params.to !== null || params.ministry !== null || params.kind !== null;
  const choices = [...new Set([...years, from, to])].sort((a, b) => b - a);

  const yearSelect = (key: "from" | "to", value: number) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`${id}-${key}`} className="text-sm font-medium">
        {t(key)}
      </label>
      <select
        id={`${id}-${key}`}
        className={selectClass}
        value={String(value)}
        onChange={(event) => void setParams({ [key]: Number(event.target.value) })}
      >
        {choices.map((year) => (
          <option key={year} value={year}>
            {year}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="flex flex-wrap items-end gap-3">
      {yearSelect("from", from)}
      {yearSelect("to", to)}
      {ministries.length > 0 && (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-ministry`} className="text-sm font-medium">
            {t("ministry")}
          </label>
          <select
            id={`${id}-ministry`}
            className={selectClass}
            value={params.ministry === null ? "" : String(params.ministry)}
            onChange={(event) => void setParams({ ministry: event.target.value ? Number(event.target.value) : null })}
          >
            <option value="">{t("allMinistries")}</option>
            {ministries.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-kind`} className="text-sm font-medium">
          {t("kind")}
        </label>
        <select
          id={`${id}-kind`}
          className={selectClass}
          value={params.kind ?? ""}
          onChange={(event) =>
            void setParams({
              kind: (contributionKind.enumValues as readonly string[]).includes(event.target.value) ? (event.target.value as ContributionKind) : null,
            })
          }
        >
          <option value="">{t("allKinds")}</option>
          {contributionKind.enumValues.map((kind) => (
            <option key={kind} value={kind}>
              {tValues(kind)}
            </option>
          ))}
        </select>
      </div>
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
