"use server";

import { closeYear as close, reopenYear as reopen } from "@/db/queries/fiscal-years";
import { defineAction } from "@/lib/action";
import { closeYearSchema, reopenYearSchema } from "./schemas";

// A fiscal year is every ministry's: closing it is the admin's, with no record scope.
const ADMIN = ["admin"] as const;
const PATHS = ["/admin/fiscal-years", "/contributions", "/"];

/** Its contributions and payments become read-only, in the actions and in the database. */
export const closeFiscalYear = defineAction({
  name: "fiscal_years.close",
  roles: ADMIN,
  input: closeYearSchema,
  scope: "none",
  async run(input, { tx, audit, user }) {
    const row = await close(tx, audit, user.id, input.year);
    return { year: row.year };
  },
  revalidate: () => PATHS,
});

export const reopenFiscalYear = defineAction({
  name: "fiscal_years.reopen",
  roles: ADMIN,
  input: reopenYearSchema,
  scope: "none",
  async run(input, { tx, audit }) {
    const row = await reopen(tx, audit, input.year, input.reason);
    return { year: row.year };
  },
  revalidate: () => PATHS,
});
