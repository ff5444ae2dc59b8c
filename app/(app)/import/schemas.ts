import { z } from "zod";
import { locales } from "@/lib/i18n/config";
import { IMPORT_FIELDS, type ImportField } from "@/lib/import/fields";

// Shared by the import page's forms and its actions (the guard parses again on the server).

/** The upload cap, checked in the browser before sending and again by the action and the reader. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const IMPORT_ACCEPT = ".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const id = z.coerce.number().int().positive().max(2_147_483_647);
const version = z.coerce.number().int().positive().max(2_147_483_647);

export const uploadImportSchema = z.strictObject({
  file: z
    .file({ message: "required" })
    .min(1, { message: "empty" })
    .max(MAX_IMPORT_BYTES, { message: `tooLarge:${MAX_IMPORT_BYTES / 1024 / 1024}` }),
  locale: z.enum(locales),
});

/** A column of the file chosen for a field: its index as text, "" for none. */
const column = z.coerce
  .string()
  .regex(/^(\d{1,2})?$/, { message: "choice" })
  .transform((value) => (value === "" ? undefined : Number(value)));

export const previewImportSchema = z
  .strictObject({
    id,
    version,
    locale: z.enum(locales),
    mapping: z.strictObject(Object.fromEntries(IMPORT_FIELDS.map((field) => [field, column.optional()])) as Record<ImportField, z.ZodOptional<typeof column>>),
    /** The year of every row when the file has no year column; "" = none. */
    defaultYear: z.coerce
      .string()
      .regex(/^((199\d)|(20\d\d)|2100)?$/, { message: "year" })
      .transform((value) => (value === "" ? null : Number(value))),
  })
  .superRefine((input, ctx) => {
    // One column feeds one field: two fields from the same column is a slip of the hand.
    const seen = new Map<number, ImportField>();
    for (const field of IMPORT_FIELDS) {
      const value = input.mapping[field];
      if (value === undefined) continue;
      if (seen.has(value)) ctx.addIssue({ code: "custom", path: ["mapping", field], message: "columnTwice" });
      else seen.set(value, field);
    }
    if (input.mapping.year === undefined && input.defaultYear === null && input.mapping.id === undefined) {
      ctx.addIssue({ code: "custom", path: ["defaultYear"], message: "yearNeeded" });
    }
  });
export type PreviewImportInput = z.input<typeof previewImportSchema>;

export const applyImportSchema = z.strictObject({ id, version, locale: z.enum(locales) });
