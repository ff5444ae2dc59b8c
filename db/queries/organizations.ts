import "server-only";
import { and, asc, count, desc, eq, exists, ilike, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import type { OrganizationsQuery } from "@/app/(app)/organizations/search-params";
import type { RecordScope } from "@/lib/action";
import type { Locale } from "@/lib/i18n/config";
import { db as defaultDb, type Db, type Tx } from "../index";
import {
  contributions,
  currencies,
  ministries,
  missionOrganizations,
  missions,
  organizationResponsibilities,
  organizations,
  type Organization,
  type OrganizationKind,
  type ResponsibilityRole,
} from "../schema";
import { containsPattern, orderFor, pageOffset, pageResult, totalCount, latvianSortKey } from "./table";

type Reader = Db | Tx;

const isCurrentLead = and(eq(organizationResponsibilities.role, "lead"), isNull(organizationResponsibilities.validTo));

/** A current contribution line counts towards totals unless it was cancelled; planned lines have no EUR yet. */
const countsTowardsTotal = ne(contributions.status, "cancelled");

// ── Scope ────────────────────────────────────────────────────────────────────────────────────────

/**
 * The scope of an action on an organization: its CURRENT lead ministry (none when it has no lead, so
 * that only unscoped users may touch it); null when the organization does not exist.
 */
export async function organizationScope(tx: Reader, organizationId: number): Promise<RecordScope> {
  const [row] = await tx
    .select({ id: organizations.id, leadId: organizationResponsibilities.ministryId })
    .from(organizations)
    .leftJoin(organizationResponsibilities, and(eq(organizationResponsibilities.organizationId, organizations.id), isCurrentLead))
    .where(eq(organizations.id, organizationId));
  if (!row) return null;
  return { ministryIds: row.leadId === null ? [] : [row.leadId] };
}

/** The scope of a new organization: the lead ministry chosen in the form (checked to exist by the action). */
export async function newOrganizationScope(leadMinistryId: number): Promise<RecordScope> {
  return { ministryIds: [leadMinistryId] };
}

// ── List ─────────────────────────────────────────────────────────────────────────────────────────

export interface OrganizationListRow {
  id: number;
  acronym: string;
  nameLv: string;
  nameEn: string;
  kind: OrganizationKind;
  leadMinistryId: number | null;
  leadNameLv: string | null;
  leadNameEn: string | null;
  /** Names of the active missions covering the organization, "; "-joined in the user's language. */
  missionNames: string | null;
  billingCurrencies: string[];
  /** Sum of amount_eur of the year's lines that are not cancelled; null when none has an amount yet. */
  totalEur: string | null;
  archivedAt: Date | null;
}

/** The organizations list: sorted, filtered, searched and paged by the server (organizationsTableSpec). */
export async function listOrganizations({
  query,
  locale,
  year,
  db = defaultDb,
}: {
  query: OrganizationsQuery;
  locale: Locale;
  year: number;
  db?: Db;
}): Promise<{ rows: OrganizationListRow[]; total: number }> {
  const { kind, ministry, mission, status } = query.filters;
  const pattern = query.q ? containsPattern(query.q) : null;
  const lead = db
    .select({
      organizationId: organizationResponsibilities.organizationId,
      ministryId: organizationResponsibilities.ministryId,
      nameLv: sql<string>`${ministries.nameLv}`.as("lead_name_lv"),
      nameEn: sql<string>`${ministries.nameEn}`.as("lead_name_en"),
    })
    .from(organizationResponsibilities)
    .innerJoin(ministries, eq(ministries.id, organizationResponsibilities.ministryId))
    .where(isCurrentLead)
    .as("lead");
  const missionName = locale === "en" ? missions.nameEn : missions.nameLv;
  const covering = db
    .select({
      organizationId: missionOrganizations.organizationId,
      names: sql<string>`string_agg(${missionName}, '; ' order by ${missionName})`.as("names"),
    })
    .from(missionOrganizations)
    .innerJoin(missions, eq(missions.id, missionOrganizations.missionId))
    .where(isNull(missions.archivedAt))
    .groupBy(missionOrganizations.organizationId)
    .as("covering");
  const totals = db
    .select({
      organizationId: contributions.organizationId,
      // numeric summed by PostgreSQL, read as text: exact, whichever driver is underneath.
      totalEur: sql<string | null>`sum(${contributions.amountEur})::text`.as("total_eur"),
      sortable: sql`sum(${contributions.amountEur})`.as("total_sort"),
    })
    .from(contributions)
    .where(and(eq(contributions.year, year), countsTowardsTotal))
    .groupBy(contributions.organizationId)
    .as("totals");
  const where = and(
    kind ? eq(organizations.kind, kind) : undefined,
    ministry ? eq(lead.ministryId, ministry) : undefined,
    mission
      ? exists(
          db
            .select({ one: sql`1` })
            .from(missionOrganizations)
            .where(and(eq(missionOrganizations.organizationId, organizations.id), eq(missionOrganizations.missionId, mission))),
        )
      : undefined,
    status === "archived" ? isNotNull(organizations.archivedAt) : status === "all" ? undefined : isNull(organizations.archivedAt),
    pattern ? or(ilike(organizations.acronym, pattern), ilike(organizations.nameLv, pattern), ilike(organizations.nameEn, pattern)) : undefined,
  );
  const { limit, offset } = pageOffset(query);
  const rows = await db
    .select({
      id: organizations.id,
      acronym: organizations.acronym,
      nameLv: organizations.nameLv,
      nameEn: organizations.nameEn,
      kind: organizations.kind,
      leadMinistryId: lead.ministryId,
      leadNameLv: lead.nameLv,
      leadNameEn: lead.nameEn,
      missionNames: covering.names,
      billingCurrencies: organizations.billingCurrencies,
      totalEur: totals.totalEur,
      archivedAt: organizations.archivedAt,
      totalCount,
    })
    .from(organizations)
    .leftJoin(lead, eq(lead.organizationId, organizations.id))
    .leftJoin(covering, eq(covering.organizationId, organizations.id))
    .leftJoin(totals, eq(totals.organizationId, organizations.id))
    .where(where)
    .orderBy(
      ...orderFor(
        query.sort,
        {
          acronym: organizations.acronym,
          name: locale === "en" ? organizations.nameEn : organizations.nameLv,
          kind: organizations.kind,
          lead: locale === "en" ? lead.nameEn : lead.nameLv,
          total: sql`${totals.sortable}`,
        },
        organizations.id,
      ),
    )
    .limit(limit)
    .offset(offset);
  return pageResult(rows, query, async () => {
    const [row] = await db.select({ n: count() }).from(organizations).leftJoin(lead, eq(lead.organizationId, organizations.id)).where(where);
    return row?.n ?? 0;
  });
}

export interface Option {
  id: number;
  nameLv: string;
  nameEn: string;
}

/** Active ministries, for the lead-ministry filter and the create form. */
export async function listMinistryChoices({ db = defaultDb }: { db?: Reader } = {}): Promise<(Option & { code: string })[]> {
  return db
    .select({ id: ministries.id, code: ministries.code, nameLv: ministries.nameLv, nameEn: ministries.nameEn })
    .from(ministries)
    .where(eq(ministries.active, true))
    .orderBy(latvianSortKey(ministries.nameLv));
}

/** Active missions, for the list's mission filter. */
export async function listMissionChoices({ db = defaultDb }: { db?: Reader } = {}): Promise<Option[]> {
  return db
    .select({ id: missions.id, nameLv: missions.nameLv, nameEn: missions.nameEn })
    .from(missions)
    .where(isNull(missions.archivedAt))
    .orderBy(latvianSortKey(missions.nameLv));
}

/** Active currencies an organization may bill in. */
export async function listCurrencyChoices({ db = defaultDb }: { db?: Reader } = {}) {
  return db
    .select({ code: currencies.code, nameLv: currencies.nameLv, nameEn: currencies.nameEn })
    .from(currencies)
    .where(eq(currencies.active, true))
    .orderBy(asc(currencies.code));
}

// ── One organization ─────────────────────────────────────────────────────────────────────────────

export type OrganizationDetail = Organization & { lead: (Option & { code: string }) | null };

export async function getOrganization({ id, db = defaultDb }: { id: number; db?: Reader }): Promise<OrganizationDetail | null> {
  const [row] = await db
    .select({
      organization: organizations,
      leadId: ministries.id,
      leadCode: ministries.code,
      leadNameLv: ministries.nameLv,
      leadNameEn: ministries.nameEn,
    })
    .from(organizations)
    .leftJoin(organizationResponsibilities, and(eq(organizationResponsibilities.organizationId, organizations.id), isCurrentLead))
    .leftJoin(ministries, eq(ministries.id, organizationResponsibilities.ministryId))
    .where(eq(organizations.id, id))
    .limit(1);
  if (!row) return null;
  const lead =
    row.leadId === null ? null : { id: row.leadId, code: row.leadCode!, nameLv: row.leadNameLv!, nameEn: row.leadNameEn! };
  return { ...row.organization, lead };
}

export interface ResponsibilityRow {
  id: number;
  ministryId: number;
  code: string;
  nameLv: string;
  nameEn: string;
  role: ResponsibilityRole;
  validFrom: string;
  validTo: string | null;
}

/** Every responsibility the organization has had: current ones first (lead first), then by start, newest first. */
export async function listOrganizationResponsibilities({ organizationId, db = defaultDb }: { organizationId: number; db?: Reader }): Promise<ResponsibilityRow[]> {
  return db
    .select({
      id: organizationResponsibilities.id,
      ministryId: ministries.id,
      code: ministries.code,
      nameLv: ministries.nameLv,
      nameEn: ministries.nameEn,
      role: organizationResponsibilities.role,
      validFrom: organizationResponsibilities.validFrom,
      validTo: organizationResponsibilities.validTo,
    })
    .from(organizationResponsibilities)
    .innerJoin(ministries, eq(ministries.id, organizationResponsibilities.ministryId))
    .where(eq(organizationResponsibilities.organizationId, organizationId))
    .orderBy(
      sql`${organizationResponsibilities.validTo} is null desc`,
      asc(organizationResponsibilities.role),
      desc(organizationResponsibilities.validFrom),
      desc(organizationResponsibilities.id),
    );
}

export interface OrganizationMissionRow {
  id: number;
  nameLv: string;
  nameEn: string;
  city: string;
  countryCode: string;
  archivedAt: Date | null;
}

export async function listOrganizationMissions({ organizationId, db = defaultDb }: { organizationId: number; db?: Reader }): Promise<OrganizationMissionRow[]> {
  return db
    .select({
      id: missions.id,
      nameLv: missions.nameLv,
      nameEn: missions.nameEn,
      city: missions.city,
      countryCode: missions.countryCode,
      archivedAt: missions.archivedAt,
    })
    .from(missionOrganizations)
    .innerJoin(missions, eq(missions.id, missionOrganizations.missionId))
    .where(eq(missionOrganizations.organizationId, organizationId))
    .orderBy(sql`${missions.archivedAt} is not null`, latvianSortKey(missions.nameLv));
}

export interface YearTotalRow {
  year: number;
  /** Lines of the year that are not cancelled (also those without an amount yet). */
  lines: number;
  assessedEur: string | null;
  voluntaryEur: string | null;
  totalEur: string | null;
}

/** EUR totals per year and kind, summed by PostgreSQL without cancelled lines; oldest year first. */
export async function listOrganizationYearTotals({ organizationId, db = defaultDb }: { organizationId: number; db?: Reader }): Promise<YearTotalRow[]> {
  return db
    .select({
      year: contributions.year,
      lines: sql<number>`count(*)::int`,
      assessedEur: sql<string | null>`(sum(${contributions.amountEur}) filter (where ${contributions.kind} = 'assessed'))::text`,
      voluntaryEur: sql<string | null>`(sum(${contributions.amountEur}) filter (where ${contributions.kind} = 'voluntary'))::text`,
      totalEur: sql<string | null>`sum(${contributions.amountEur})::text`,
    })
    .from(contributions)
    .where(and(eq(contributions.organizationId, organizationId), countsTowardsTotal))
    .groupBy(contributions.year)
    .orderBy(asc(contributions.year));
}
