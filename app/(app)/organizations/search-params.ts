import { defineTableSpec, type QueryOf } from "@/components/data-table/spec";

/**
 * The organization_kind enum's values for client code (the pgEnum would pull drizzle into the browser
 * bundle); tests/db/organizations.test.ts checks that both lists agree.
 */
export const ORGANIZATION_KINDS = ["organization", "fund", "programme"] as const;
export type OrganizationKindValue = (typeof ORGANIZATION_KINDS)[number];

/** No status in the URL lists the active organizations: archived ones are asked for. */
export const ORGANIZATION_STATUS_FILTER = ["archived", "all"] as const;

export const organizationsTableSpec = defineTableSpec({
  sortable: ["acronym", "name", "kind", "lead", "total"],
  defaultSort: { id: "acronym", desc: false },
  filters: { kind: ORGANIZATION_KINDS, ministry: "id", mission: "id", status: ORGANIZATION_STATUS_FILTER },
});

export type OrganizationsQuery = QueryOf<typeof organizationsTableSpec>;
