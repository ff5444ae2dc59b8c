"use client";

import { X } from "lucide-react";
import { debounce, useQueryStates } from "nuqs";
import { useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import { MAX_SEARCH } from "@/components/data-table/spec";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { contributionKind } from "@/db/schema/enums";
import { GROUPS, gridParsers, STATUS_FILTERS } from "../search-params";

const selectClass = "border-input h-9 rounded-md border bg-transparent px-2 text-sm shadow-xs";

function Labelled({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

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
  const id = useId();
  const [isPending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(gridParsers, { shallow: false, startTransition, scroll: false, history: "push" });

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-3">
        <Labelled id={`${id}-year`} label={t("year")}>
          <select
            id={`${id}-year`}
            className={selectClass}
            value={String(year)}
            onChange={(event) => void setParams({ year: Number(event.target.value) })}
          >
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id={`${id}-q`} label={t("filters.search")}>
          <Input
            id={`${id}-q`}
            type="search"
            className="w-56"
            maxLength={MAX_SEARCH}
            placeholder={t("filters.searchPlaceholder")}
            value={params.q}
            onChange={(event) =>
              void setParams({ q: event.target.value || null }, { history: "replace", limitUrlUpdates: event.target.value ? debounce(350) : undefined })
            }
          />
        </Labelled>
        <Labelled id={`${id}-ministry`} label={t("filters.ministry")}>
          <select
            id={`${id}-ministry`}
            className={selectClass}
            value={params.ministry === null ? "" : String(params.ministry)}
            onChange={(event) => void setParams({ ministry: event.target.value ? Number(event.target.value) : null })}
          >
            <option value="">{t("filters.allMinistries")}</option>
            {ministries.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id={`${id}-kind`} label={t("filters.kind")}>
          <select
            id={`${id}-kind`}
            className={selectClass}
            value={params.kind ?? ""}
            onChange={(event) => void setParams({ kind: contributionKind.enumValues.find((k) => k === event.target.value) ?? null })}
          >
            <option value="">{t("filters.allKinds")}</option>
            {contributionKind.enumValues.map((kind) => (
              <option key={kind} value={kind}>
                {t(`values.kind.${kind}`)}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id={`${id}-status`} label={t("filters.status")}>
          <select
            id={`${id}-status`}
            className={selectClass}
            value={params.status ?? ""}
            onChange={(event) => void setParams({ status: STATUS_FILTERS.find((s) => s === event.target.value) ?? null })}
          >
            <option value="">{t("filters.allStatuses")}</option>
            {STATUS_FILTERS.map((status) => (
              <option key={status} value={status}>
                {status === "overdue" ? t("filters.overdue") : t(`values.status.${status}`)}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id={`${id}-currency`} label={t("filters.currency")}>
          <select
            id={`${id}-currency`}
            className={selectClass}
            value={params.currency ?? ""}
            onChange={(event) => void setParams({ currency: event.target.value || null })}
          >
            <option value="">{t("filters.allCurrencies")}</option>
            {currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id={`${id}-group`} label={t("filters.group")}>
          <select
            id={`${id}-group`}
            className={selectClass}
            value={params.group ?? ""}
            onChange={(event) => void setParams({ group: GROUPS.find((g) => g === event.target.value) ?? null }, { shallow: true })}
          >
            <option value="">{t("filters.groupNone")}</option>
            <option value="ministry">{t("filters.groupMinistry")}</option>
            <option value="organization">{t("filters.groupOrganization")}</option>
          </select>
        </Labelled>
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
