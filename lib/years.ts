// Built once: an Intl formatter costs far more to build than to use, and every page asks for the year.
const rigaYear = new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Europe/Riga" });

/** The fiscal year is the calendar year in Riga (research-notes §3), not in UTC. */
export function currentYear(now: Date = new Date()): number {
  return Number(rigaYear.format(now));
}
