"use server";

import { revokeAllSessions } from "@/db/queries/auth";
import { emailTaken, insertUser, lockUserForUpdate, ministryExists, publicUser, updateUserRow, userChange } from "@/db/queries/users";
import { defineAction } from "@/lib/action";
import { hashPassword } from "@/lib/auth/password";
import { ActionError } from "@/lib/errors";
import { createUserSchema, resetPasswordSchema, setUserDisabledSchema, updateUserSchema } from "./schemas";

const ADMIN = ["admin"] as const;
const paths = (id?: number) => ["/admin/users", ...(id ? [`/admin/users/${id}`] : [])];

async function checkMinistry(tx: Parameters<typeof ministryExists>[0], ministryId: number | null) {
  if (ministryId !== null && !(await ministryExists(tx, ministryId))) {
    throw new ActionError("invalid", { fieldErrors: { ministryId: ["choice"] } });
  }
}

/** A new account with a one-time password that its owner must change at first sign-in. */
export const createUser = defineAction({
  name: "users.create",
  roles: ADMIN,
  input: createUserSchema,
  scope: "none",
  async run(input, { tx, audit }) {
    if (await emailTaken(tx, input.email)) throw new ActionError("invalid", { fieldErrors: { email: ["emailTaken"] } });
    await checkMinistry(tx, input.ministryId);
    const row = await insertUser(tx, {
      email: input.email,
      name: input.name,
      role: input.role,
      ministryId: input.ministryId,
      locale: input.locale,
      passwordHash: await hashPassword(input.password),
      mustChangePassword: true,
    });
    await audit({ action: "create", entity: "users", entityId: row.id, after: publicUser(row) });
    return { id: row.id };
  },
  revalidate: () => paths(),
});

/** Name, role and ministry scope. Takes effect on the user's next request: both are read per request. */
export const updateUser = defineAction({
  name: "users.update",
  roles: ADMIN,
  input: updateUserSchema,
  scope: "none",
  async run(input, { tx, user, audit }) {
    const before = await lockUserForUpdate(tx, input.id, input.version);
    if (before.id === user.id && input.role !== "admin") {
      // Otherwise the last admin could lock everyone out of user management.
      throw new ActionError("invalid", { fieldErrors: { role: ["ownRole"] } });
    }
    await checkMinistry(tx, input.ministryId);
    const after = await updateUserRow(tx, input.id, { name: input.name, role: input.role, ministryId: input.ministryId });
    await audit(userChange("update", before, after));
    return { version: after.version };
  },
  revalidate: (input) => paths(input.id),
});

/** Disabling ends the user's live sessions at once; enabling lets them sign in again. */
export const setUserDisabled = defineAction({
  name: "users.set_disabled",
  roles: ADMIN,
  input: setUserDisabledSchema,
  scope: "none",
  async run(input, { tx, user, audit }) {
    const before = await lockUserForUpdate(tx, input.id, input.version);
    if (before.id === user.id) throw new ActionError("invalid", { fieldErrors: { disabled: ["ownAccount"] } });
    const after = await updateUserRow(tx, input.id, { disabledAt: input.disabled ? new Date() : null });
    if (input.disabled) await revokeAllSessions({ tx, userId: input.id, reason: "disabled" });
    await audit(userChange(input.disabled ? "disable" : "enable", before, after));
    return { version: after.version };
  },
  revalidate: (input) => paths(input.id),
});

/** A new one-time password: the user's sessions end and they must choose their own at next sign-in. */
export const resetPassword = defineAction({
  name: "users.reset_password",
  roles: ADMIN,
  input: resetPasswordSchema,
  scope: "none",
  async run(input, { tx, audit }) {
    const before = await lockUserForUpdate(tx, input.id, input.version);
    const after = await updateUserRow(tx, input.id, {
      passwordHash: await hashPassword(input.password),
      mustChangePassword: true,
    });
    await revokeAllSessions({ tx, userId: input.id, reason: "password_reset" });
    await audit(userChange("reset_password", before, after));
    return { version: after.version };
  },
  revalidate: (input) => paths(input.id),
});
