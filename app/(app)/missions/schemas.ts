import { z } from "zod";
import { COUNTRY_CODES } from "./countries";

// Shared by the forms (zodResolver, raw values) and the actions (the guard parses them again). Optional
// text fields arrive as "" from the form and are stored as null.
const id = z.coerce.number().int().positive().max(2_147_483_647);
const version = z.coerce.number().int().positive().max(2_147_483_647);
const required = (max: number) => z.string().trim().min(1).max(max);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === "" ? null : value));

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

const date = z
  .string()
  .trim()
  .refine((value) => value === "" || isIsoDate(value), { message: "format" })
  .transform((value) => (value === "" ? null : value));

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .refine((value) => value === "" || z.email().safeParse(value).success, { message: "email" })
  .transform((value) => (value === "" ? null : value));

const website = z
  .string()
  .trim()
  .max(500)
  .refine((value) => value === "" || isWebAddress(value), { message: "format" })
  .transform((value) => (value === "" ? null : value));

/** A <select>'s value: a record id as a string ("" = nothing chosen yet). */
const choice = z.coerce
  .string()
  .regex(/^[1-9]\d{0,8}$/, { message: "choice" })
  .transform(Number);

const missionFields = {
  nameLv: required(300),
  nameEn: required(300),
  city: required(120),
  countryCode: z.string().trim().toUpperCase().pipe(z.enum(COUNTRY_CODES)),
  address: optional(500),
  headOfMission: optional(200),
  email,
  phone: optional(50),
  website,
  openedOn: date,
  closedOn: date,
  notes: optional(2000),
};

// ISO dates compare as strings. The message key names the rule for the `validation` catalog.
const datesInOrder = (value: { openedOn: string | null; closedOn: string | null }) =>
  !value.openedOn || !value.closedOn || value.closedOn >= value.openedOn;
const datesInOrderIssue = { path: ["closedOn"], message: "dateOrder" };

export const createMissionSchema = z.strictObject(missionFields).refine(datesInOrder, datesInOrderIssue);

export const updateMissionSchema = z.strictObject({ id, version, ...missionFields }).refine(datesInOrder, datesInOrderIssue);

/** Archive, restore and delete: which mission, and the version the user saw. */
export const missionVersionSchema = z.strictObject({ id, version });

export const addMissionOrganizationSchema = z.strictObject({ missionId: id, organizationId: choice });
export const removeMissionOrganizationSchema = z.strictObject({ missionId: id, organizationId: id });

export const addMissionMinistrySchema = z.strictObject({ missionId: id, ministryId: choice, note: optional(500) });
export const removeMissionMinistrySchema = z.strictObject({ missionId: id, ministryId: id });

export type CreateMissionInput = z.input<typeof createMissionSchema>;
export type UpdateMissionInput = z.input<typeof updateMissionSchema>;
export type MissionFieldsOutput = z.output<typeof createMissionSchema>;
export type AddMissionOrganizationInput = z.input<typeof addMissionOrganizationSchema>;
export type AddMissionMinistryInput = z.input<typeof addMissionMinistrySchema>;
