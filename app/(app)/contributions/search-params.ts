import { createLoader, parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { searchText } from "@/components/data-table/spec";
import { contributionKind, contributionStatus, type ContributionKind, type ContributionStatus } from "@/db/schema/enums";

export const STATUS_FILTERS = [...contributionStatus.enumValues, "overdue"] as const;
export type StatusFilter = ContributionStatus | "overdue";
export const GROUPS = ["ministry", "organization"] as const;
export type GridGroup = (typeof GROUPS)[number];

/** The year grid's URL state, shared by the toolbar (client, nuqs) and the page (server). */
export const gridParsers = {
  year: parseAsInteger,
  q: parseAsString.withDefault(""),
  ministry: parseAsInteger,
  kind: parseAsStringLiteral(contributionKind.enumValues),
  status: parseAsStringLiteral(STATUS_FILTERS),
  currency: parseAsString,
  org: parseAsInteger,
  group: parseAsStringLiteral(GROUPS),
};

const loadGridParams = createLoader(gridParsers);

export interface GridQuery {
  year: number;
  q: string;
  ministryId: number | null;
  kind: ContributionKind | null;
  status: StatusFilter | null;
  currency: string | null;
  organizationId: number | null;
  group: GridGroup | null;
}

const positiveId = (value: number | null) => (value !== null && Number.isInteger(value) && value > 0 && value <= 2_147_483_647 ? value : null);

/** The server's reading of the URL: anything out of range is as if it were not there (the year: this one). */
export function parseGridQuery(searchParams: Record<string, string | string[] | undefined>, defaultYear: number): GridQuery {
  const raw = loadGridParams(searchParams);
  const currency = raw.currency?.trim().toUpperCase() ?? null;
  return {
    year: raw.year !== null && raw.year >= 1990 && raw.year <= 2100 ? raw.year : defaultYear,
    q: searchText(raw.q),
    ministryId: positiveId(raw.ministry),
    kind: raw.kind,
    status: raw.status,
    currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : null,
    organizationId: positiveId(raw.org),
    group: raw.group,
  };
}
