import { demoPassword } from "../fixtures";
import { unique } from "../support/test";
import type { ActionCases } from "./cases";

/** Sign-in, own account and the users admin. */
export const attackerPassword = () => `Uzbrucēja parole ${unique("p")}`;

export const userActionCases: ActionCases = {
  "app/(auth)/actions.ts#signInWithPassword": { anonymous: "fieldErrors", callers: "public", args: () => [{}, {}] },
  "app/(auth)/actions.ts#signInWithOidc": { anonymous: "redirectToLogin", callers: "public", args: () => [{}] },
  "app/(auth)/actions.ts#signOutAction": { anonymous: "redirectToLogin", callers: "public", args: () => [] },
  "app/(app)/account/actions.ts#updateProfile": {
    anonymous: "unauthorized",
    callers: "everyone",
    args: ({ victim }) => [{ version: victim.version, name: "Anonīms", locale: "en" }],
  },
  "app/(app)/account/actions.ts#changePassword": {
    anonymous: "unauthorized",
    callers: "everyone",
    args: () => {
      const password = attackerPassword();
      return [{ currentPassword: demoPassword(), newPassword: password, confirmPassword: password }];
    },
  },
  "app/(app)/admin/users/actions.ts#createUser": {
    anonymous: "unauthorized",
    callers: "admin",
    args: () => [{ email: `${unique("attacker")}@evil.example`, name: "Uzbrucējs", role: "admin", ministryId: "", locale: "lv", password: attackerPassword() }],
  },
  "app/(app)/admin/users/actions.ts#updateUser": {
    anonymous: "unauthorized",
    callers: "admin",
    args: ({ victim }) => [{ id: victim.id, version: victim.version, name: "Pārņemts konts", role: "admin", ministryId: "" }],
  },
  "app/(app)/admin/users/actions.ts#setUserDisabled": {
    anonymous: "unauthorized",
    callers: "admin",
    args: ({ victim }) => [{ id: victim.id, version: victim.version, disabled: true }],
  },
  "app/(app)/admin/users/actions.ts#resetPassword": {
    anonymous: "unauthorized",
    callers: "admin",
    args: ({ victim }) => [{ id: victim.id, version: victim.version, password: attackerPassword() }],
  },
};
