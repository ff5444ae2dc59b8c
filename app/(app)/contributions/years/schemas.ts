import { z } from "zod";

const year = z.coerce.number().int().min(1990, { message: "year" }).max(2099, { message: "year" });
const id = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * Copy year `fromYear` into the next. `ministryId` = that ministry's lines; null or left out = every
 * ministry's, which only an unscoped user may ask for.
 */
export const prepareNextYearSchema = z.strictObject({
  fromYear: year,
  ministryId: id.nullable().optional(),
});
export type PrepareNextYearInput = z.input<typeof prepareNextYearSchema>;
