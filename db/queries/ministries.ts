import "server-only";
import { and, asc, count, eq, ilike, isNull, ne, or, sql } from "drizzle-orm";
import type { MinistriesQuery, ProgrammesQuery } from "@/app/(app)/ministries/search-params";
import type { RecordScope } from "@/lib/action";
import { ActionError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { db as defaultDb, type Db, type Tx } from "../index";
import {
  budgetProgrammes,
  ministries,
  organizationResponsibilities,
  organizations,
  type BudgetProgramme,
  type Ministry,
  type ResponsibilityRole,
} from "../schema";
import { containsPattern, orderFor, pageOffset, pageResult, totalCount } from "./table";

// ── Scope ────────────────────────────────────────────────────────────────────────────────────────

/** A ministry's own scope (its programmes belong to it); null when there is no such ministry. */
export async function ministryScope(tx: Tx | Db, ministryId: number): Promise<RecordScope> {
  const [row] = await tx.select({ id: ministries.id }).from(ministries).where(eq(ministries.id, ministryId));
  return row ? { ministryIds: [row.id] } : null;
}

/** A programme's scope: the ministry it belongs to, read from the database. */
export async function programmeScope(tx: Tx | Db, programmeId: number): Promise<RecordScope> {
  const [row] = await tx.select({ ministryId: budgetProgrammes.ministryId }).from(budgetProgrammes).where(eq(budgetProgrammes.id, programmeId));
  return row ? { ministryIds: [row.ministryId] } : null;
}

// ── Ministries ───────────────────────────────────────────────────────────────────────────────────

export interface MinistryListRow {
  id: number;
  code: string;
  nameLv: string;
  nameEn: string;
  active: boolean;
  /** Organizations (not archived) whose current lead ministry this is. */
  leadCount: number;
  programmeCount: number;
}

/** The ministries list: sorted, filtered, searched and paged by the server (see ministriesTableSpec). */
export async function listMinistries({
  query,
  locale,
  db = defaultDb,
}: {
  query: MinistriesQuery;
  locale: Locale;
  db?: Db;
}): Promise<{ rows: MinistryListRow[]; total: number }> {
  const { status } = query.filters;
  const pattern = query.q ? containsPattern(query.q) : null;
  const where = and(
    status === "active" ? eq(ministries.active, true) : status === "inactive" ? eq(ministries.active, false) : undefined,
    pattern ? or(ilike(ministries.code, pattern), ilike(ministries.nameLv, pattern), ilike(ministries.nameEn, pattern)) : undefined,
  );
  const leads = db
    .select({ ministryId: organizationResponsibilities.ministryId, n: sql<number>`count(*)::int`.as("lead_n") })
    .from(organizationResponsibilities)
    .innerJoin(organizations, eq(organizations.id, organizationResponsibilities.organizationId))
    .where(and(eq(organizationResponsibilities.role, "lead"), isNull(organizationResponsibilities.validTo), isNull(organizations.archivedAt)))
    .groupBy(organizationResponsibilities.ministryId)
    .as("leads");
  const programmes = db
    .select({ ministryId: budgetProgrammes.ministryId, n: sql<number>`count(*)::int`.as("programme_n") })
    .from(budgetProgrammes)
    .groupBy(budgetProgrammes.ministryId)
    .as("programmes");
  const leadCount = sql<number>`coalesce(${leads.n}, 0)`;
  const programmeCount = sql<number>`coalesce(${programmes.n}, 0)`;
  const { limit, offset } = pageOffset(query);
  const rows = await db
    .select({
      id: ministries.id,
      code: ministries.code,
      nameLv: ministries.nameLv,
      nameEn: ministries.nameEn,
      active: ministries.active,
      leadCount,
      programmeCount,
      totalCount,
    })
    .from(ministries)
    .leftJoin(leads, eq(leads.ministryId, ministries.id))
    .leftJoin(programmes, eq(programmes.ministryId, ministries.id))
    .where(where)
    .orderBy(
      ...orderFor(
        query.sort,
        {
          code: ministries.code,
          name: locale === "en" ? ministries.nameEn : ministries.nameLv,
          active: ministries.active,
          organizations: leadCount,
          programmes: programmeCount,
        },
        ministries.id,
      ),
    )
    .limit(limit)
    .offset(offset);
  return pageResult(rows, query, async () => {
    const [row] = await db.select({ n: count() }).from(ministries).where(where);
    return row?.n ?? 0;
  });
}

export async function getMinistry({ id, db = defaultDb }: { id: number; db?: Db }): Promise<Ministry | null> {
  const [row] = await db.select().from(ministries).where(eq(ministries.id, id)).limit(1);
  return row ?? null;
}

/** The list's two counts for one ministry's page. */
export async function getMinistryCounts({ ministryId, db = defaultDb }: { ministryId: number; db?: Db }): Promise<{ leadCount: number; programmeCount: number }> {
  const [leads] = await db
    .select({ n: count() })
    .from(organizationResponsibilities)
    .innerJoin(organizations, eq(organizations.id, organizationResponsibilities.organizationId))
    .where(
      and(
        eq(organizationResponsibilities.ministryId, ministryId),
        eq(organizationResponsibilities.role, "lead"),
        isNull(organizationResponsibilities.validTo),
        isNull(organizations.archivedAt),
      ),
    );
  const [programmes] = await db.select({ n: count() }).from(budgetProgrammes).where(eq(budgetProgrammes.ministryId, ministryId));
  return { leadCount: leads?.n ?? 0, programmeCount: programmes?.n ?? 0 };
}

export async function ministryCodeTaken(tx: Tx | Db, code: string): Promise<boolean> {
  const [row] = await tx.select({ id: ministries.id }).from(ministries).where(eq(ministries.code, code)).limit(1);
  return !!row;
}

export async function insertMinistry(tx: Tx, values: { code: string; nameLv: string; nameEn: string }): Promise<Ministry> {
  const [row] = await tx.insert(ministries).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export interface MinistryResponsibilityRow {
  id: number;
  organizationId: number;
  acronym: string;
  nameLv: string;
  nameEn: string;
  role: ResponsibilityRole;
  validFrom: string;
  archived: boolean;
}

/** What the ministry answers for now: its current responsibilities, leads first. */
export async function listMinistryResponsibilities({ ministryId, db = defaultDb }: { ministryId: number; db?: Db }): Promise<MinistryResponsibilityRow[]> {
  const rows = await db
    .select({
      id: organizationResponsibilities.id,
      organizationId: organizations.id,
      acronym: organizations.acronym,
      nameLv: organizations.nameLv,
      nameEn: organizations.nameEn,
      role: organizationResponsibilities.role,
      validFrom: organizationResponsibilities.validFrom,
      archivedAt: organizations.archivedAt,
    })
    .from(organizationResponsibilities)
    .innerJoin(organizations, eq(organizations.id, organizationResponsibilities.organizationId))
    .where(and(eq(organizationResponsibilities.ministryId, ministryId), isNull(organizationResponsibilities.validTo)))
    // The enum's order is lead, co_responsible, paying.
    .orderBy(asc(organizationResponsibilities.role), asc(organizations.acronym));
  return rows.map(({ archivedAt, ...row }) => ({ ...row, archived: archivedAt !== null }));
}

// ── Budget programmes ────────────────────────────────────────────────────────────────────────────

export type ProgrammeListRow = Pick<BudgetProgramme, "id" | "code" | "nameLv" | "nameEn" | "validFromYear" | "validToYear">;

/** A ministry's budget programmes, as the programmes tab's table asks for them (programmesTableSpec). */
export async function listMinistryProgrammes({
  ministryId,
  query,
  locale,
  db = defaultDb,
}: {
  ministryId: number;
  query: ProgrammesQuery;
  locale: Locale;
  db?: Db;
}): Promise<{ rows: ProgrammeListRow[]; total: number }> {
  const pattern = query.q ? containsPattern(query.q) : null;
  const where = and(
    eq(budgetProgrammes.ministryId, ministryId),
    pattern ? or(ilike(budgetProgrammes.code, pattern), ilike(budgetProgrammes.nameLv, pattern), ilike(budgetProgrammes.nameEn, pattern)) : undefined,
  );
  const { limit, offset } = pageOffset(query);
  const rows = await db
    .select({
      id: budgetProgrammes.id,
      code: budgetProgrammes.code,
      nameLv: budgetProgrammes.nameLv,
      nameEn: budgetProgrammes.nameEn,
      validFromYear: budgetProgrammes.validFromYear,
      validToYear: budgetProgrammes.validToYear,
      totalCount,
    })
    .from(budgetProgrammes)
    .where(where)
    .orderBy(
      ...orderFor(
        query.sort,
        {
          code: budgetProgrammes.code,
          name: locale === "en" ? budgetProgrammes.nameEn : budgetProgrammes.nameLv,
          validFrom: budgetProgrammes.validFromYear,
          validTo: budgetProgrammes.validToYear,
        },
        budgetProgrammes.id,
      ),
    )
    .limit(limit)
    .offset(offset);
  return pageResult(rows, query, async () => {
    const [row] = await db.select({ n: count() }).from(budgetProgrammes).where(where);
    return row?.n ?? 0;
  });
}

export async function getProgramme({ id, db = defaultDb }: { id: number; db?: Db }): Promise<BudgetProgramme | null> {
  const [row] = await db.select().from(budgetProgrammes).where(eq(budgetProgrammes.id, id)).limit(1);
  return row ?? null;
}

export interface ProgrammeValues {
  code: string;
  nameLv: string;
  nameEn: string;
  validFromYear: number;
  validToYear: number | null;
}

/**
 * A ministry has one programme per code and first year (the database's unique key): a clash is the
 * code field's error, found before the write so the user reads it under the field.
 */
export async function assertProgrammeFree(
  tx: Tx,
  { ministryId, code, validFromYear, exceptId }: { ministryId: number; code: string; validFromYear: number; exceptId?: number },
): Promise<void> {
  const [row] = await tx
    .select({ id: budgetProgrammes.id })
    .from(budgetProgrammes)
    .where(
      and(
        eq(budgetProgrammes.ministryId, ministryId),
        eq(budgetProgrammes.code, code),
        eq(budgetProgrammes.validFromYear, validFromYear),
        exceptId === undefined ? undefined : ne(budgetProgrammes.id, exceptId),
      ),
    )
    .limit(1);
  if (row) throw new ActionError("invalid", { fieldErrors: { code: ["programmeTaken"] } });
}

export async function insertProgramme(tx: Tx, values: ProgrammeValues & { ministryId: number }): Promise<BudgetProgramme> {
  const [row] = await tx.insert(budgetProgrammes).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** PostgreSQL's unique_violation: two people saved the same key at once; the later one gets the field error. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;
  return code === "23505";
}
