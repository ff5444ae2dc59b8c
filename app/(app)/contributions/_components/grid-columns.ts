import type { ContributionRow } from "@/db/queries/contributions";
import type { GridOptions } from "@/db/queries/grid-options";
import { contributionKind, contributionStatus } from "@/db/schema/enums";
import { amountForInput } from "@/lib/amount";
import { dateForInput } from "@/lib/date-input";
import { formatDate, formatMoney, formatRate } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { SETTABLE_STATUSES, type CellField } from "../cells";

/** The grid's columns in order. `field` marks the ones a person edits; the rest follow from them. */
export const GRID_COLUMNS = [
  { key: "organization", width: 112 },
  { key: "kind", field: "kind", editor: "select", width: 112 },
  { key: "payingMinistryId", field: "payingMinistryId", editor: "select", width: 200 },
  { key: "budgetProgrammeId", field: "budgetProgrammeId", editor: "select", width: 104 },
  { key: "currency", field: "currency", editor: "select", width: 76 },
  { key: "amount", field: "amount", editor: "text", numeric: true, width: 136 },
  { key: "rate", numeric: true, width: 96 },
  { key: "amountEur", numeric: true, money: true, width: 136 },
  { key: "plannedEur", field: "plannedEur", editor: "text", numeric: true, money: true, width: 136 },
  { key: "paidEur", numeric: true, money: true, width: 136 },
  { key: "outstandingEur", numeric: true, money: true, width: 136 },
  { key: "dueDate", field: "dueDate", editor: "text", width: 112 },
  { key: "status", field: "status", editor: "select", width: 150 },
  { key: "cabinetOrder", field: "cabinetOrder", editor: "text", width: 180 },
  { key: "actions", width: 56 },
] as const satisfies readonly GridColumnSpec[];

export interface GridColumnSpec {
  key: string;
  field?: CellField;
  editor?: "text" | "select";
  numeric?: boolean;
  /** A EUR column that the totals and subtotals add up. */
  money?: boolean;
  width: number;
}
export type GridColumnKey = (typeof GRID_COLUMNS)[number]["key"];
export const MONEY_COLUMNS = GRID_COLUMNS.filter((c): c is Extract<(typeof GRID_COLUMNS)[number], { money: true }> => "money" in c && c.money);

export type Translate = (key: string, values?: Record<string, string | number>) => string;
export interface Option {
  value: string;
  label: string;
  /** Other spellings a pasted value may use (codes, the other language's name). */
  aliases: string[];
  disabled?: boolean;
}

const name = (locale: Locale, item: { nameLv: string; nameEn: string }) => (locale === "en" ? item.nameEn : item.nameLv);

/** Names by id, built once from the options: lines carry ids, not names (see ContributionRow). */
export interface GridNames {
  organization(id: number): string | null;
  ministry(id: number | null): string | null;
  programme(id: number | null): string | null;
}

export function gridNames(options: GridOptions, locale: Locale): GridNames {
  const organizations = new Map(options.organizations.map((o) => [o.id, o.name]));
  const ministries = new Map(options.ministries.map((m) => [m.id, name(locale, m)]));
  const programmes = new Map(options.programmes.map((p) => [p.id, p.code]));
  return {
    organization: (id) => organizations.get(id) ?? null,
    ministry: (id) => (id === null ? null : (ministries.get(id) ?? null)),
    programme: (id) => (id === null ? null : (programmes.get(id) ?? null)),
  };
}

/** The choices of a select cell for one row (programmes: the paying ministry's, in force that year). */
export function cellOptions(field: CellField, row: ContributionRow, options: GridOptions, locale: Locale, t: Translate): Option[] {
  switch (field) {
    case "kind":
      return contributionKind.enumValues.map((kind) => ({ value: kind, label: t(`values.kind.${kind}`), aliases: [kind] }));
    case "status":
      return contributionStatus.enumValues.map((status) => ({
        value: status,
        label: t(`values.status.${status}`),
        aliases: [status],
        // Partly paid and paid come from the payments; a line with payments keeps the status they give it.
        disabled: !(SETTABLE_STATUSES as readonly string[]).includes(status) || row.paymentCount > 0,
      }));
    case "payingMinistryId":
      // A line may still name a ministry since deactivated: shown, but not offered.
      return options.ministries
        .filter((m) => m.active || m.id === row.payingMinistryId)
        .map((m) => ({ value: String(m.id), label: name(locale, m), aliases: [m.code, m.nameLv, m.nameEn], disabled: !m.active }));
    case "budgetProgrammeId":
      return [
        { value: "", label: t("grid.none"), aliases: ["-", "—"] },
        ...options.programmes
          .filter((p) => p.ministryId === row.payingMinistryId && p.validFromYear <= row.year && (p.validToYear === null || p.validToYear >= row.year))
          .map((p) => ({ value: String(p.id), label: p.code, aliases: [p.code, p.nameLv, p.nameEn] })),
      ];
    case "currency":
      return options.currencies.map((c) => ({ value: c.code, label: c.code, aliases: [c.code, c.nameLv, c.nameEn] }));
    default:
      return [];
  }
}

/** A cell's stored value as the text an editor starts from (and an undo sends back). */
export function rawValue(row: ContributionRow, field: CellField, locale: Locale): string {
  switch (field) {
    case "amount":
    case "plannedEur":
      return amountForInput(row[field], locale);
    case "dueDate":
      return dateForInput(row.dueDate, locale);
    case "payingMinistryId":
    case "budgetProgrammeId":
      return row[field] === null ? "" : String(row[field]);
    default:
      return row[field] ?? "";
  }
}

/**
 * A pasted text for a select cell, as the value the action takes: the option whose value, label or alias it
 * is (case and surrounding spaces ignored). Anything else is sent as typed and refused with its message.
 */
export function pastedValue(field: CellField, text: string, options: Option[]): string {
  const wanted = text.trim().toLocaleLowerCase();
  if (options.length === 0) return text;
  const match = options.find((o) => o.value.toLocaleLowerCase() === wanted || o.label.toLocaleLowerCase() === wanted || o.aliases.some((a) => a.toLocaleLowerCase() === wanted));
  return match ? match.value : field === "currency" ? text.trim().toUpperCase() : text;
}

/** What a cell shows. */
export function displayValue(key: GridColumnKey, row: ContributionRow, names: GridNames, locale: Locale, t: Translate): string {
  switch (key) {
    case "organization":
      return row.acronym;
    case "kind":
      return t(`values.kind.${row.kind}`);
    case "payingMinistryId":
      return names.ministry(row.payingMinistryId) ?? "—";
    case "budgetProgrammeId":
      return names.programme(row.budgetProgrammeId) ?? "—";
    case "currency":
      return row.currency ?? "—";
    case "amount":
      return row.amount === null || row.currency === null ? "—" : formatMoney(row.amount, row.currency, locale);
    case "rate":
      return row.rate === null ? (row.currency === "EUR" ? "1" : "—") : formatRate(row.rate, locale);
    case "amountEur":
    case "plannedEur":
    case "paidEur":
    case "outstandingEur":
      return formatMoney(row[key], "EUR", locale);
    case "dueDate":
      return formatDate(row.dueDate, locale);
    case "status":
      return t(`values.status.${row.status}`);
    case "cabinetOrder":
      return row.cabinetOrder ?? "";
    case "actions":
      return "";
  }
}
