"use client";

import { debounce, useQueryStates } from "nuqs";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { FilterSearch, FilterSelect } from "@/components/filters/filter-fields";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { FILTER_ROLES, matrixParsers } from "../search-params";

/**
 * Search, ministry and role filters, kept in the URL (nuqs) and read again by the server. `shallow: false`
 * asks the server for the filtered matrix; the count says "loading" until it arrives.
 */
export function MatrixFilters({ ministries, total }: { ministries: { value: string; label: string }[]; total: number | null }) {
  const t = useTranslations("responsibilities");
  const locale = resolveLocale(useLocale());
  const [isPending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(matrixParsers, { shallow: false, startTransition, scroll: false, history: "push" });
  const filtered = params.q !== "" || params.ministry !== null || params.role !== null;

  return (
    <div className="flex flex-wrap items-end gap-3">
      <FilterSearch
        label={t("search")}
        className="w-64"
        value={params.q}
        onChange={(value) => void setParams({ q: value || null }, { history: "replace", limitUrlUpdates: value ? debounce(350) : undefined })}
      />
      <FilterSelect
        label={t("ministry")}
        allLabel={t("allMinistries")}
        value={params.ministry === null ? "" : String(params.ministry)}
        onChange={(value) => void setParams({ ministry: value ? Number(value) : null })}
        options={ministries}
      />
      <FilterSelect
        label={t("role")}
        allLabel={t("allRoles")}
        value={params.role ?? ""}
        onChange={(value) => void setParams({ role: FILTER_ROLES.find((role) => role === value) ?? null })}
        options={FILTER_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      />
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
