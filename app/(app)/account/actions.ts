"use server";

import { cookies } from "next/headers";
import { endSessions } from "@/db/queries/auth";
import { lockUserForUpdate, updateUserRow, userChange } from "@/db/queries/users";
import { defineAction } from "@/lib/action";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { ActionError } from "@/lib/errors";
import { localeCookie } from "@/lib/i18n/config";
import { changePasswordSchema, profileSchema } from "./schemas";

const EVERYONE = ["admin", "editor", "viewer"] as const;

/** Own name and language. The language also becomes this browser's UI language at once. */
export const updateProfile = defineAction({
  name: "account.update_profile",
  roles: EVERYONE,
  input: profileSchema,
  scope: "none",
  async run(input, { tx, user, audit }) {
    const before = await lockUserForUpdate(tx, user.id, input.version);
    const after = await updateUserRow(tx, user.id, { name: input.name, locale: input.locale });
    await audit(userChange("update", before, after));
    (await cookies()).set(localeCookie, input.locale, { path: "/", sameSite: "lax", maxAge: 31_536_000 });
    return { version: after.version };
  },
  revalidate: () => ["/", "/account"],
});

/**
 * Own password: needs the current one. Ends the user's other sessions (a password change is what people
 * do when they suspect someone else is in) but keeps this browser signed in.
 */
export const changePassword = defineAction({
  name: "account.change_password",
  roles: EVERYONE,
  input: changePasswordSchema,
  scope: "none",
  allowPendingPasswordChange: true,
  async run(input, { tx, user, audit }) {
    const before = await lockUserForUpdate(tx, user.id, null);
    if (!before.passwordHash) throw new ActionError("invalid", { fieldErrors: { currentPassword: ["noPassword"] } });
    if (!(await verifyPassword(before.passwordHash, input.currentPassword))) {
      throw new ActionError("invalid", { fieldErrors: { currentPassword: ["wrongPassword"] } });
    }
    const after = await updateUserRow(tx, user.id, {
      passwordHash: await hashPassword(input.newPassword),
      mustChangePassword: false,
    });
    await endSessions({ db: tx, userId: user.id, exceptSessionId: user.sessionId, reason: "password_changed" });
    await audit(userChange("change_password", before, after));
    return { version: after.version };
  },
  revalidate: () => ["/account"],
});
