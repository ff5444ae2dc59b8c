import { contributionKind, contributionStatus, type ContributionStatus } from "@/db/schema/enums";
import { parseAmount } from "@/lib/amount";
import { parseDateInput } from "@/lib/date-input";
import type { Locale } from "@/lib/i18n/config";

// The grid's cells, without zod: the grid's script loads this and not the form schemas (bench:grid counts
// the route's JavaScript). The action parses the same way through saveCellsSchema + parseCell.

/** Statuses a person sets; `partially_paid` and `paid` follow from the payments alone. */
export const SETTABLE_STATUSES = ["planned", "assessed", "cancelled"] as const satisfies readonly ContributionStatus[];

/** The grid columns a person edits; the others (rate, EUR, paid, outstanding) follow from them. */
export const CELL_FIELDS = [
  "kind",
  "payingMinistryId",
  "budgetProgrammeId",
  "currency",
  "amount",
  "plannedEur",
  "dueDate",
  "status",
  "cabinetOrder",
] as const;
export type CellField = (typeof CELL_FIELDS)[number];

/** What a cell holds once read: ids as numbers, money as decimal strings, dates as ISO, "" as null. */
export type CellValue = string | number | null;
export type CellParse = { ok: true; value: CellValue } | { ok: false; message: string };

export const CURRENCY = /^[A-Z]{3}$/;

/**
 * Reads the text of one cell: typed, chosen from a list (the id or code as text), or pasted from a sheet.
 * The same function runs in the browser, so a value is marked before it is sent, and on the server.
 */
export function parseCell(field: CellField, raw: string, locale: Locale): CellParse {
  const text = raw.trim();
  switch (field) {
    case "amount":
    case "plannedEur": {
      if (text === "") return { ok: true, value: null };
      const parsed = parseAmount(text, locale);
      return parsed.ok ? parsed : { ok: false, message: parsed.message };
    }
    case "dueDate": {
      if (text === "") return { ok: true, value: null };
      const parsed = parseDateInput(text, locale);
      return parsed.ok ? parsed : { ok: false, message: parsed.message };
    }
    case "kind":
      return (contributionKind.enumValues as readonly string[]).includes(text) ? { ok: true, value: text } : { ok: false, message: "choice" };
    case "status":
      return (contributionStatus.enumValues as readonly string[]).includes(text) ? { ok: true, value: text } : { ok: false, message: "choice" };
    case "currency": {
      const code = text.toUpperCase();
      if (code === "") return { ok: false, message: "required" };
      return CURRENCY.test(code) ? { ok: true, value: code } : { ok: false, message: "choice" };
    }
    case "payingMinistryId":
      if (text === "") return { ok: false, message: "required" };
      return /^[1-9]\d{0,8}$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, message: "choice" };
    case "budgetProgrammeId":
      if (text === "") return { ok: true, value: null };
      return /^[1-9]\d{0,8}$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, message: "choice" };
    case "cabinetOrder":
      if (text.length > 200) return { ok: false, message: "tooLong:200" };
      return { ok: true, value: text === "" ? null : text };
  }
}
