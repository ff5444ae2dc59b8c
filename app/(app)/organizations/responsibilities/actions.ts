"use server";

import { changeResponsibility, lockResponsibilityScope } from "@/db/queries/responsibilities";
import { defineAction } from "@/lib/action";
import { setResponsibilitySchema } from "./schemas";

/**
 * One cell of the matrix. The scope step locks the organization and reads its current lead, so a scoped
 * editor's right to the row is judged under the same lock the change then runs under.
 */
export const setResponsibility = defineAction({
  name: "responsibilities.set",
  roles: ["admin", "editor"],
  input: setResponsibilitySchema,
  scope: (input, tx) => lockResponsibilityScope(tx, input.organizationId),
  run: (input, { tx, audit }) => changeResponsibility({ tx, audit, ...input }),
  revalidate: (input) => ["/organizations/responsibilities", "/organizations", `/organizations/${input.organizationId}`],
});
