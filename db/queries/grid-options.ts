import "server-only";
import { aliasedTable, and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Locale } from "@/lib/i18n/config";
import { db as defaultDb, type Db, type Tx } from "../index";
import { budgetProgrammes, currencies, ministries, organizationResponsibilities, organizations } from "../schema";
import { latvianSortKey } from "./table";

type Reader = Db | Tx;

/** Options for the year grid's select cells and the new-line form, and the names the grid looks up by id. */
export interface GridOptions {
  /** Every organization (archived ones too: their old lines still need a name), named in the reader's language. */
  organizations: {
    id: number;
    acronym: string;
    name: string;
    archived: boolean;
    /** Defaults for a new line: the currency it bills in and the ministry that pays (else its lead). */
    currency: string | null;
    payingMinistryId: number | null;
  }[];
  /** Every ministry; only active ones can be chosen for a line. */
  ministries: { id: number; code: string; nameLv: string; nameEn: string; active: boolean }[];
  programmes: { id: number; ministryId: number; code: string; nameLv: string; nameEn: string; validFromYear: number; validToYear: number | null }[];
  currencies: { code: string; nameLv: string; nameEn: string }[];
}

export async function gridOptions(locale: Locale, db: Reader = defaultDb): Promise<GridOptions> {
  const payer = aliasedTable(organizationResponsibilities, "payer");
  const lead = aliasedTable(organizationResponsibilities, "lead");
  const [orgs, mins, progs, curs] = await Promise.all([
    db
      .select({
        id: organizations.id,
        acronym: organizations.acronym,
        name: locale === "en" ? organizations.nameEn : organizations.nameLv,
        archived: sql<boolean>`${organizations.archivedAt} is not null`,
        currency: sql<string | null>`${organizations.billingCurrencies}[1]`,
        payingMinistryId: sql<number | null>`coalesce(${payer.ministryId}, ${lead.ministryId})`,
      })
      .from(organizations)
      .leftJoin(payer, and(eq(payer.organizationId, organizations.id), eq(payer.role, "paying"), isNull(payer.validTo)))
      .leftJoin(lead, and(eq(lead.organizationId, organizations.id), eq(lead.role, "lead"), isNull(lead.validTo)))
      .orderBy(latvianSortKey(organizations.acronym), asc(organizations.id)),
    db
      .select({ id: ministries.id, code: ministries.code, nameLv: ministries.nameLv, nameEn: ministries.nameEn, active: ministries.active })
      .from(ministries)
      .orderBy(latvianSortKey(ministries.nameLv)),
    db
      .select({
        id: budgetProgrammes.id,
        ministryId: budgetProgrammes.ministryId,
        code: budgetProgrammes.code,
        nameLv: budgetProgrammes.nameLv,
        nameEn: budgetProgrammes.nameEn,
        validFromYear: budgetProgrammes.validFromYear,
        validToYear: budgetProgrammes.validToYear,
      })
      .from(budgetProgrammes)
      .orderBy(asc(budgetProgrammes.code), asc(budgetProgrammes.validFromYear)),
    db
      .select({ code: currencies.code, nameLv: currencies.nameLv, nameEn: currencies.nameEn })
      .from(currencies)
      .where(eq(currencies.active, true))
      .orderBy(sql`${currencies.code} <> 'EUR'`, asc(currencies.code)),
  ]);
  // One organization may have several current paying ministries; the first (lowest id) is the default.
  const seen = new Set<number>();
  const organizationsUnique = orgs.filter((o) => (seen.has(o.id) ? false : (seen.add(o.id), true)));
  return {
    organizations: organizationsUnique,
    ministries: mins,
    programmes: progs,
    currencies: curs,
  };
}

