import { z } from "zod";
import { contributionKind, type ContributionKind, type ContributionStatus } from "@/db/schema/enums";
import { locales } from "@/lib/i18n/config";
import { CELL_FIELDS, CURRENCY } from "./cells";

export { CELL_FIELDS, parseCell, SETTABLE_STATUSES, type CellField, type CellParse, type CellValue } from "./cells";

// Shared by the grid (checks a value before it leaves the cell) and the actions (the guard parses again).

const id = z.coerce.number().int().positive().max(2_147_483_647);
const version = z.coerce.number().int().positive().max(2_147_483_647);
const year = z.coerce.number().int().min(1990, { message: "year" }).max(2100, { message: "year" });

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
