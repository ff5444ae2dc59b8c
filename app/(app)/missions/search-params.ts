import { defineTableSpec, type QueryOf } from "@/components/data-table/spec";
import { COUNTRY_CODES } from "./countries";

/** No status in the URL lists the active missions: archived ones are asked for. */
export const MISSION_STATUS_FILTER = ["archived", "all"] as const;

export const missionsTableSpec = defineTableSpec({
  sortable: ["name", "city", "country", "organizations", "head"],
  defaultSort: { id: "name", desc: false },
  filters: { country: COUNTRY_CODES, status: MISSION_STATUS_FILTER },
});

export type MissionsQuery = QueryOf<typeof missionsTableSpec>;
