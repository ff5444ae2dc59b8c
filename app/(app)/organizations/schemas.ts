import { z } from "zod";
import { ORGANIZATION_KINDS } from "./search-params";

// Shared by the forms (zodResolver, raw values) and the actions (the guard parses them again). Optional
// text fields arrive as "" from the form and are stored as null. Message keys that are not in the shared
// `validation` catalog ("likumiUrl", "acronymTaken") are in `organizations.validation`.
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

function parsedUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function isWebAddress(value: string): boolean {
  const url = parsedUrl(value);
  return !!url && (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".") && !url.username && !url.password;
}

/** The treaty link must point at the official publication of Latvian law, https://likumi.lv/…. */
export function isLikumiUrl(value: string): boolean {
  const url = parsedUrl(value);
  return !!url && url.protocol === "https:" && url.hostname === "likumi.lv" && !url.port && !url.username && !url.password;
}

const optionalUrl = (check: (value: string) => boolean, message: string) =>
  z
    .string()
    .trim()
    .max(1000)
    .refine((value) => value === "" || check(value), { message })
    .transform((value) => (value === "" ? null : value));

const date = z
  .string()
  .trim()
  .refine((value) => value === "" || isIsoDate(value), { message: "format" })
  .transform((value) => (value === "" ? null : value));

/** A <select>'s value: a record id as a string ("" = nothing chosen yet). */
const choice = z.coerce
  .string()
  .regex(/^[1-9]\d{0,8}$/, { message: "choice" })
  .transform(Number);

/** ISO 4217 codes, each once, in the order the user ticked them (the action checks they are active). */
const billingCurrencies = z
  .array(z.string().regex(/^[A-Z]{3}$/, { message: "choice" }))
  .max(10)
  .transform((codes) => [...new Set(codes)]);

const organizationFields = {
  acronym: required(30).regex(/^[\p{L}\p{N}][\p{L}\p{N} .&/+-]*$/u, { message: "format" }),
  nameLv: required(300),
  nameEn: required(300),
  kind: z.enum(ORGANIZATION_KINDS),
  hqCity: optional(120),
  website: optionalUrl(isWebAddress, "format"),
  memberSince: date,
  treatyUrl: optionalUrl(isLikumiUrl, "likumiUrl"),
  billingCurrencies,
  sourceUrl: optionalUrl(isWebAddress, "format"),
  notes: optional(2000),
};

export const createOrganizationSchema = z.strictObject({ ...organizationFields, leadMinistryId: choice });

export const updateOrganizationSchema = z.strictObject({ id, version, ...organizationFields });

/** Archive, restore and delete: which organization, and the version the user saw. */
export const organizationVersionSchema = z.strictObject({ id, version });

export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;
export type UpdateOrganizationInput = z.input<typeof updateOrganizationSchema>;
export type OrganizationFieldsOutput = Omit<z.output<typeof createOrganizationSchema>, "leadMinistryId">;
