import { defineTableSpec, type QueryOf } from "@/components/data-table/spec";

export const MINISTRY_STATUSES = ["active", "inactive"] as const;

export const ministriesTableSpec = defineTableSpec({
  sortable: ["code", "name", "active", "organizations", "programmes"],
  defaultSort: { id: "name", desc: false },
  filters: { status: MINISTRY_STATUSES },
});

/** The programmes tab of a ministry's page: prefixed keys ("pSort") so they never meet the page's own. */
export const programmesTableSpec = defineTableSpec({
  sortable: ["code", "name", "validFrom", "validTo"],
  defaultSort: { id: "code", desc: false },
  filters: {},
  prefix: "p",
});

export type MinistriesQuery = QueryOf<typeof ministriesTableSpec>;
export type ProgrammesQuery = QueryOf<typeof programmesTableSpec>;
