import "server-only";
import { and, asc, inArray, sql } from "drizzle-orm";
import { normalizeText } from "@/lib/import/cells";
import type { Db, Tx } from "../index";
import { budgetProgrammes, contributions, currencies, exchangeRates, fiscalYears, ministries, organizations } from "../schema";
import type { ContributionKind, ContributionStatus } from "../schema/enums";
import type { LineValues, WrittenColumn } from "./import-plan";
import { paidEur, paidPerLine, paymentCount } from "./paid-per-line";

type Reader = Db | Tx;

/** A line of the register an import row may match, with what it has been paid. */
export interface ExistingLine {
  id: number;
  version: number;
  year: number;
  organizationId: number;
  payingMinistryId: number | null;
  currency: string | null;
  status: ContributionStatus;
  kind: ContributionKind;
  values: LineValues;
  paidEur: string;
  paymentCount: number;
}

/** Everything a file's rows are checked against, loaded in a few queries for the whole file. */
export interface ImportLookups {
  organizations: Map<string, { id: number }>;
  archivedOrganizations: Set<number>;
  /** By normalized code, Latvian name and English name. */
  ministries: Map<string, { id: number; active: boolean }>;
  programmes: { id: number; ministryId: number; code: string; validFromYear: number; validToYear: number | null }[];
  currencies: Set<string>;
  closedYears: Set<number>;
  existing: Map<number, ExistingLine>;
  /** `${year}:${organizationId}:${kind}` → lines. */
  byKey: Map<string, ExistingLine[]>;
  rateFor: (currency: string, year: number) => { id: number; unitsPerEur: string } | null;
  /** A value as the preview shows it: codes for ids, the rest as stored. */
  display: (column: WrittenColumn, value: string | number | null) => string | null;
}

/**
 * Loads the lookups for rows of `years` and lines `ids`. With `lock`, the matched lines are locked for
 * update (in id order) and the years' fiscal-year rows for share, so that apply's second classification
 * sees what it writes over.
 */
export async function loadImportLookups(reader: Reader, { years, ids, lock = false }: { years: number[]; ids: number[]; lock?: boolean }): Promise<ImportLookups> {
  const [orgs, mins, progs, curs, rates, closed] = await Promise.all([
    reader.select({ id: organizations.id, acronym: organizations.acronym, archivedAt: organizations.archivedAt }).from(organizations),
    reader.select({ id: ministries.id, code: ministries.code, nameLv: ministries.nameLv, nameEn: ministries.nameEn, active: ministries.active }).from(ministries),
    reader
      .select({ id: budgetProgrammes.id, ministryId: budgetProgrammes.ministryId, code: budgetProgrammes.code, validFromYear: budgetProgrammes.validFromYear, validToYear: budgetProgrammes.validToYear })
      .from(budgetProgrammes),
    reader.select({ code: currencies.code, fixedRate: currencies.fixedRate, active: currencies.active }).from(currencies),
    reader
      .select({ id: exchangeRates.id, year: exchangeRates.year, currency: exchangeRates.currency, unitsPerEur: exchangeRates.unitsPerEur })
      .from(exchangeRates)
      // Newest first, as rateFor picks: a correction is a newer row.
      .orderBy(sql`${exchangeRates.year} desc, ${exchangeRates.createdAt} desc, ${exchangeRates.id} desc`),
    reader.select({ year: fiscalYears.year }).from(fiscalYears).where(sql`${fiscalYears.closedAt} is not null`),
  ]);
  const lines = await existingLines(reader, years, ids, lock);

  const ministriesByKey = new Map<string, { id: number; active: boolean }>();
  for (const m of mins) for (const key of [m.code, m.nameLv, m.nameEn]) ministriesByKey.set(normalizeText(key), { id: m.id, active: m.active });
  const fixed = new Set(curs.filter((c) => c.fixedRate).map((c) => c.code));
  const rateCache = new Map<string, { id: number; unitsPerEur: string } | null>();
  const rateFor = (currency: string, year: number) => {
    const cacheKey = `${currency}:${year}`;
    if (!rateCache.has(cacheKey)) {
      const row = rates.find((r) => r.currency === currency && (fixed.has(currency) ? r.year <= year : r.year === year));
      rateCache.set(cacheKey, row ? { id: row.id, unitsPerEur: row.unitsPerEur } : null);
    }
    return rateCache.get(cacheKey)!;
  };
  const byKey = new Map<string, ExistingLine[]>();
  for (const line of lines.values()) {
    const key = `${line.year}:${line.organizationId}:${line.kind}`;
    byKey.set(key, [...(byKey.get(key) ?? []), line]);
  }
  const ministryCode = new Map(mins.map((m) => [m.id, m.code.toUpperCase()]));
  const programmeCode = new Map(progs.map((p) => [p.id, p.code]));
  const rateUnits = new Map(rates.map((r) => [r.id, r.unitsPerEur]));

  return {
    organizations: new Map(orgs.map((o) => [normalizeText(o.acronym), { id: o.id }])),
    archivedOrganizations: new Set(orgs.filter((o) => o.archivedAt !== null).map((o) => o.id)),
    ministries: ministriesByKey,
    programmes: progs,
    currencies: new Set(curs.filter((c) => c.active).map((c) => c.code)),
    closedYears: new Set(closed.map((c) => c.year)),
    existing: lines,
    byKey,
    rateFor,
    display(column, value) {
      if (value === null) return null;
      if (column === "payingMinistryId") return ministryCode.get(value as number) ?? String(value);
      if (column === "budgetProgrammeId") return programmeCode.get(value as number) ?? String(value);
      if (column === "exchangeRateId") return rateUnits.get(value as number) ?? String(value);
      return String(value);
    },
  };
}

async function existingLines(reader: Reader, years: number[], ids: number[], lock: boolean): Promise<Map<number, ExistingLine>> {
  const where =
    years.length && ids.length
      ? sql`(${inArray(contributions.year, years)} or ${inArray(contributions.id, ids)})`
      : years.length
        ? inArray(contributions.year, years)
        : ids.length
          ? inArray(contributions.id, ids)
          : sql`false`;
  const query = reader
    .select({
      id: contributions.id,
      version: contributions.version,
      year: contributions.year,
      organizationId: contributions.organizationId,
      kind: contributions.kind,
      payingMinistryId: contributions.payingMinistryId,
      budgetProgrammeId: contributions.budgetProgrammeId,
      currency: contributions.currency,
      amount: contributions.amount,
      exchangeRateId: contributions.exchangeRateId,
      amountEur: contributions.amountEur,
      plannedEur: contributions.plannedEur,
      status: contributions.status,
      dueDate: contributions.dueDate,
      cabinetOrder: contributions.cabinetOrder,
      notes: contributions.notes,
      paidEur: sql<string>`${paidEur}::numeric(18,2)::text`,
      paymentCount: paymentCount,
    })
    .from(contributions)
    .leftJoinLateral(paidPerLine(contributions.id), sql`true`)
    .where(and(where))
    .orderBy(asc(contributions.id));
  const rows = lock ? await query.for("update", { of: contributions }) : await query;
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        version: r.version,
        year: r.year,
        organizationId: r.organizationId,
        payingMinistryId: r.payingMinistryId,
        currency: r.currency,
        status: r.status,
        kind: r.kind,
        paidEur: r.paidEur,
        paymentCount: Number(r.paymentCount),
        values: {
          kind: r.kind,
          payingMinistryId: r.payingMinistryId,
          budgetProgrammeId: r.budgetProgrammeId,
          currency: r.currency,
          amount: r.amount,
          exchangeRateId: r.exchangeRateId,
          amountEur: r.amountEur,
          plannedEur: r.plannedEur,
          status: r.status,
          dueDate: r.dueDate,
          cabinetOrder: r.cabinetOrder,
          notes: r.notes,
        },
      },
    ]),
  );
}
