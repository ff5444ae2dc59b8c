import { createLoader, parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { searchText } from "@/components/data-table/spec";

/** Roles the matrix can be filtered by ("none" is not a filter: the ministry filter already means "has a role"). */
export const FILTER_ROLES = ["lead", "co_responsible", "paying"] as const;
export type FilterRole = (typeof FILTER_ROLES)[number];

/** The matrix's URL state, shared by the filters (client, nuqs) and the page (server). */
export const matrixParsers = {
  q: parseAsString.withDefault(""),
  ministry: parseAsInteger,
  role: parseAsStringLiteral(FILTER_ROLES),
};

const loadMatrixParams = createLoader(matrixParsers);

export interface MatrixQuery {
  q: string;
  ministryId: number | null;
  role: FilterRole | null;
}

/** The server's reading of the URL: anything out of range is as if it were not there. */
export function parseMatrixQuery(searchParams: Record<string, string | string[] | undefined>): MatrixQuery {
  const raw = loadMatrixParams(searchParams);
  const ministry = raw.ministry;
  return {
    q: searchText(raw.q),
    ministryId: ministry !== null && Number.isInteger(ministry) && ministry > 0 && ministry <= 2_147_483_647 ? ministry : null,
    role: raw.role,
  };
}
