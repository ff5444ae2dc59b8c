import { z } from "zod";

// Shared by the forms (zodResolver, raw values) and the actions (the guard parses them again).
const id = z.coerce.number().int().positive().max(2_147_483_647);
const version = z.coerce.number().int().positive().max(2_147_483_647);
const name = z.string().trim().min(1).max(200);

/** The database's check (ministries_code_format): a short lowercase code such as "zm" or "varam". */
export const MINISTRY_CODE = /^[a-z][a-z0-9_-]{0,15}$/;
const ministryCode = z.string().trim().toLowerCase().min(1).max(16).regex(MINISTRY_CODE, { message: "ministryCode" });

export const createMinistrySchema = z.strictObject({ code: ministryCode, nameLv: name, nameEn: name });

/** The code is the ministry's key for sign-in mappings (OIDC) and links: it is fixed once created. */
export const updateMinistrySchema = z.strictObject({ id, version, nameLv: name, nameEn: name });

export const setMinistryActiveSchema = z.strictObject({ id, version, active: z.boolean() });

export const ministryVersionSchema = z.strictObject({ id, version });

/** Budget programme codes of the State budget law: programme and subprogramme, "01.03.00". */
export const PROGRAMME_CODE = /^\d{2}\.\d{2}\.00$/;
const programmeCode = z.string().trim().min(1).regex(PROGRAMME_CODE, { message: "programmeCode" });
const year = z
  .string()
  .trim()
  .min(1)
  .regex(/^\d{1,4}$/, { message: "year" })
  .transform(Number)
  .pipe(z.number().int().min(1990).max(2100));
/** Empty: the programme is still in force. */
const optionalYear = z
  .string()
  .trim()
  .regex(/^(\d{1,4})?$/, { message: "year" })
  .transform((value) => (value === "" ? null : Number(value)))
  .pipe(z.number().int().min(1990).max(2100).nullable());

const programmeFields = { code: programmeCode, nameLv: name, nameEn: name, validFromYear: year, validToYear: optionalYear };

function yearsInOrder(value: { validFromYear: number; validToYear: number | null }) {
  // zod runs the refinement even when a year failed its own check: only two real years are compared.
  const { validFromYear: from, validToYear: to } = value as { validFromYear: unknown; validToYear: unknown };
  return typeof from !== "number" || typeof to !== "number" || to >= from;
}
const yearsInOrderIssue = { path: ["validToYear"], message: "yearOrder" };

export const createProgrammeSchema = z.strictObject({ ministryId: id, ...programmeFields }).refine(yearsInOrder, yearsInOrderIssue);

/** The ministry of a programme is fixed: a programme of another ministry is another programme. */
export const updateProgrammeSchema = z.strictObject({ id, version, ...programmeFields }).refine(yearsInOrder, yearsInOrderIssue);

export const programmeVersionSchema = z.strictObject({ id, version });

export type CreateMinistryInput = z.input<typeof createMinistrySchema>;
export type UpdateMinistryInput = z.input<typeof updateMinistrySchema>;
export type CreateProgrammeInput = z.input<typeof createProgrammeSchema>;
export type UpdateProgrammeInput = z.input<typeof updateProgrammeSchema>;
export type ProgrammeFieldsOutput = z.output<typeof createProgrammeSchema>;
