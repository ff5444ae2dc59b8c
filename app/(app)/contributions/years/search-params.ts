import { createLoader, parseAsInteger, parseAsStringLiteral } from "nuqs/server";
import { contributionKind, type ContributionKind } from "@/db/schema/enums";

/** The widest range the table shows: 15 columns still fit a landscape page. */
export const MAX_YEARS = 15;
/** The default range: the eight years ending with the current one. */
export const DEFAULT_YEARS = 8;
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/** The multi-year table's URL state, shared by the filters (client, nuqs) and the page (server). */
export const yearsParsers = {
  from: parseAsInteger,
  to: parseAsInteger,
  ministry: parseAsInteger,
  kind: parseAsStringLiteral(contributionKind.enumValues),
};

const loadYearsParams = createLoader(yearsParsers);

export interface YearsQuery {
  from: number;
  to: number;
  ministryId: number | null;
  kind: ContributionKind | null;
}

const inRange = (value: number | null) => (value !== null && Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR ? value : null);

/**
 * The server's reading of the URL: a year out of range is as if it were not there; reversed years are
 * swapped; a range longer than MAX_YEARS keeps its last MAX_YEARS years.
 */
export function parseYearsQuery(searchParams: Record<string, string | string[] | undefined>, thisYear: number): YearsQuery {
  const raw = loadYearsParams(searchParams);
  let from = inRange(raw.from);
  let to = inRange(raw.to);
  if (to === null) to = from === null ? thisYear : Math.min(from + DEFAULT_YEARS - 1, MAX_YEAR);
  if (from === null) from = Math.max(to - DEFAULT_YEARS + 1, MIN_YEAR);
  if (from > to) [from, to] = [to, from];
  if (to - from + 1 > MAX_YEARS) from = to - MAX_YEARS + 1;
  const ministry = raw.ministry;
  return {
    from,
    to,
    ministryId: ministry !== null && Number.isInteger(ministry) && ministry > 0 && ministry <= 2_147_483_647 ? ministry : null,
    kind: raw.kind,
  };
}
