/** The fiscal year is the calendar year in Riga (research-notes §3), not in UTC. */
export function currentYear(now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Europe/Riga" }).format(now));
}
