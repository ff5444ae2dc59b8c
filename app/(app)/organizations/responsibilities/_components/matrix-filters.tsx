"use client";

import { debounce, useQueryStates } from "nuqs";
import { useLocale, useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import { MAX_SEARCH } from "@/components/data-table/spec";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { formatNumber } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { FILTER_ROLES, matrixParsers } from "../search-params";

const selectClass = "border-input h-9 rounded-md border bg-transparent px-2 text-sm shadow-xs";

/**
 * Search, ministry and role filters, kept in the URL (nuqs) and read again by the server. `shallow: false`
 * asks the server for the filtered matrix; the count says "loading" until it arrives.
 */
export function MatrixFilters({ ministries, total }: { ministries: { value: string; label: string }[]; total: number | null }) {
  const t = useTranslations("responsibilities");
  const locale = resolveLocale(useLocale());
  const id = useId();
  const [isPending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(matrixParsers, { shallow: false, startTransition, scroll: false, history: "push" });
  const filtered = params.q !== "" || params.ministry !== null || params.role !== null;

  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-q`} className="text-sm font-medium">
          {t("search")}
        </label>
        <Input
          id={`${id}-q`}
          type="search"
          className="w-64"
          maxLength={MAX_SEARCH}
          value={params.q}
          onChange={(event) =>
            void setParams(
              { q: event.target.value || null },
              { history: "replace", limitUrlUpdates: event.target.value ? debounce(350) : undefined },
            )
          }
        />
      </div>
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
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-role`} className="text-sm font-medium">
          {t("role")}
        </label>
        <select
          id={`${id}-role`}
          className={selectClass}
          value={params.role ?? ""}
          onChange={(event) => void setParams({ role: (FILTER_ROLES as readonly string[]).includes(event.target.value) ? (event.target.value as (typeof FILTER_ROLES)[number]) : null })}
        >
          <option value="">{t("allRoles")}</option>
          {FILTER_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </div>
      {filtered && (
        <Button type="button" variant="outline" onClick={() => void setParams({ q: null, ministry: null, role: null })}>
          {t("clear")}
        </Button>
      )}
      <p role="status" className="text-muted-foreground min-h-5 text-sm tabular-nums">
        {isPending ? t("loading") : total === null ? "" : t("count", { count: total, formatted: formatNumber(total, locale) })}
      </p>
    </div>
  );
}
