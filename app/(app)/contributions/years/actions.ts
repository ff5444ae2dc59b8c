"use server";

import { prepareNextYear as copyYear } from "@/db/queries/contribution-years";
import { singleMinistry } from "@/db/queries/contributions";
import { defineAction } from "@/lib/action";
import { prepareNextYearSchema } from "./schemas";

/**
 * Copies a year's lines into the next as planned ones. The scope is the ministry whose lines are copied;
 * "all ministries" belongs to no single ministry, so only unscoped editors and admins pass with it.
 */
export const prepareNextYear = defineAction({
  name: "contributions.prepare_next_year",
  roles: ["admin", "editor"],
  input: prepareNextYearSchema,
  scope: async (input) => (input.ministryId ? singleMinistry([input.ministryId]) : { ministryIds: [] }),
  run: (input, { tx, audit, user }) => copyYear(tx, audit, user.id, { fromYear: input.fromYear, ministryId: input.ministryId ?? null }),
  revalidate: () => ["/contributions", "/contributions/years", "/"],
});
