import { z } from "zod";
import { contributionKind, contributionStatus, type ContributionKind, type ContributionStatus } from "@/db/schema/enums";
import { parseAmount } from "@/lib/amount";
import { parseDateInput } from "@/lib/date-input";
import { locales, type Locale } from "@/lib/i18n/config";

// Shared by the grid (checks a value before it leaves the cell) and the actions (the guard parses again).

const id = z.coerce.number().int().positive().max(2_147_483_647);
const version = z.coerce.number().int().positive().max(2_147_483_647);
const year = z.coerce.number().int().min(1990, { message: "year" }).max(2100, { message: "year" });

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

const CURRENCY = /^[A-Z]{3}$/;

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

export const cellEditSchema = z.strictObject({
  id,
  version,
  field: z.enum(CELL_FIELDS),
  value: z.string().max(500),
});
export type CellEdit = z.infer<typeof cellEditSchema>;

/**
 * One or more cells saved together: a typed value (one cell), a pasted block, or an undo. All or nothing:
 * one bad cell refuses the whole block with its message at `cells.<index>`.
 */
export const saveCellsSchema = z.strictObject({
  locale: z.enum(locales),
  cells: z.array(cellEditSchema).min(1).max(5000),
  /** Ctrl+Z: the same write, recorded in the log as an undo. */
  undo: z.boolean().optional(),
});
export type SaveCellsInput = z.input<typeof saveCellsSchema>;

/** A select's value: a record id as a string ("" = nothing chosen). */
const choice = z.coerce
  .string()
  .regex(/^[1-9]\d{0,8}$/, { message: "choice" })
  .transform(Number);
const optionalChoice = z.coerce
  .string()
  .regex(/^([1-9]\d{0,8})?$/, { message: "choice" })
  .transform((value) => (value === "" ? null : Number(value)));

export const createContributionSchema = z.strictObject({
  year,
  organizationId: choice,
  kind: z.enum(contributionKind.enumValues as [ContributionKind, ...ContributionKind[]]),
  payingMinistryId: choice,
  budgetProgrammeId: optionalChoice,
  currency: z.string().trim().toUpperCase().regex(CURRENCY, { message: "choice" }),
});
export type CreateContributionInput = z.input<typeof createContributionSchema>;

export const contributionVersionSchema = z.strictObject({ id, version });

export type { ContributionStatus };
