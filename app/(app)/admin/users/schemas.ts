import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { USER_ROLES } from "@/lib/auth/roles";

// Shared by the forms (zodResolver, raw values) and the actions (the guard parses them again).
const id = z.coerce.number().int().positive().max(2_147_483_647);
const version = z.coerce.number().int().positive().max(2_147_483_647);
const name = z.string().trim().min(1).max(200);
const email = z.string().trim().toLowerCase().min(1).max(320).pipe(z.email());
/** The select's value: "" for all ministries, else a ministry id. */
const ministryId = z
  .string()
  .regex(/^\d{0,9}$/)
  .transform((value) => (value === "" ? null : Number(value)));

function adminHasNoScope(value: { role: string; ministryId: number | null }) {
  return !(value.role === "admin" && value.ministryId !== null);
}
const adminHasNoScopeIssue = { path: ["ministryId"], message: "adminNoScope" };

export const createUserSchema = z
  .strictObject({
    email,
    name,
    role: z.enum(USER_ROLES),
    ministryId,
    locale: z.enum(["lv", "en"]),
    password: newPasswordSchema,
  })
  .refine(adminHasNoScope, adminHasNoScopeIssue);

export const updateUserSchema = z
  .strictObject({ id, version, name, role: z.enum(USER_ROLES), ministryId })
  .refine(adminHasNoScope, adminHasNoScopeIssue);

export const setUserDisabledSchema = z.strictObject({ id, version, disabled: z.boolean() });

export const resetPasswordSchema = z.strictObject({ id, version, password: newPasswordSchema });

export type CreateUserInput = z.input<typeof createUserSchema>;
export type UpdateUserInput = z.input<typeof updateUserSchema>;
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;
