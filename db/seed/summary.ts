import type { Tx } from "../index";

/** Tables the seed writes, in the order it writes them (also the order of the printed summary). */
export const SEED_TABLES = [
  "ministries",
  "currencies",
  "organizations",
  "organizationResponsibilities",
  "missions",
  "missionOrganizations",
  "exchangeRates",
  "budgetProgrammes",
  "contributions",
  "payments",
  "users",
  "auditLog",
] as const;

export type SeedTable = (typeof SEED_TABLES)[number];

/** Rows inserted per table by one run: all zero when the database already held everything. */
export type SeedSummary = Record<SeedTable, number>;

export function emptySummary(): SeedSummary {
  return Object.fromEntries(SEED_TABLES.map((t) => [t, 0])) as SeedSummary;
}

export function totalInserted(summary: SeedSummary): number {
  return SEED_TABLES.reduce((n, t) => n + summary[t], 0);
}

/** Ids the later steps need, read back from the database so that rows seeded by an earlier run count too. */
export interface SeedContext {
  tx: Tx;
  summary: SeedSummary;
  ministryIdByCode: Map<string, number>;
  organizationIdByAcronym: Map<string, number>;
  /** The current lead ministry per organization id. */
  leadMinistryIdByOrganization: Map<number, number>;
}
