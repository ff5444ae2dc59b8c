import { z } from "zod";

const year = z.coerce.number().int().min(1990, { message: "year" }).max(2100, { message: "year" });

export const closeYearSchema = z.strictObject({ year });
export type CloseYearInput = z.input<typeof closeYearSchema>;

/** Reopening undoes a final state: the reason is required and kept in the audit log. */
export const reopenYearSchema = z.strictObject({ year, reason: z.string().trim().min(10).max(1000) });
export type ReopenYearInput = z.input<typeof reopenYearSchema>;
