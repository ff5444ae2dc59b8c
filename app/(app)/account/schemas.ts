import { z } from "zod";
import { newPasswordSchema, PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";

export const profileSchema = z.strictObject({
  version: z.coerce.number().int().positive().max(2_147_483_647),
  name: z.string().trim().min(1).max(200),
  locale: z.enum(["lv", "en"]),
});

export const changePasswordSchema = z
  .strictObject({
    currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    newPassword: newPasswordSchema,
    confirmPassword: z.string().max(PASSWORD_MAX_LENGTH),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "passwordsDiffer" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "passwordSame" });

export type ProfileInput = z.input<typeof profileSchema>;
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
