import { z } from "zod";

/** What a cell of the matrix can hold: a ministry's role for an organization, or none. */
export const CELL_ROLES = ["lead", "co_responsible", "paying", "none"] as const;
export type CellRole = (typeof CELL_ROLES)[number];

const id = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * One cell change. `expected` is the role the user saw in the cell: if the cell holds something else by
 * the time the change is made, nothing is written and the answer says what it holds now.
 */
export const setResponsibilitySchema = z.strictObject({
  organizationId: id,
  ministryId: id,
  role: z.enum(CELL_ROLES),
  expected: z.enum(CELL_ROLES),
});

export type SetResponsibilityInput = z.input<typeof setResponsibilitySchema>;
