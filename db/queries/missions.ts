import "server-only";
import { and, asc, count, eq, ilike, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import type { MissionsQuery } from "@/app/(app)/missions/search-params";
import type { ActionContext, RecordScope } from "@/lib/action";

import type { Locale } from "@/lib/i18n/config";
import { db as defaultDb, type Db, type Tx } from "../index";
import {
  contributions,
  ministries,
  missionOrganizations,
  missions,
  organizations,
  type ContributionKind,
  type ContributionStatus,
  type Mission,
} from "../schema";
import { containsPattern, orderFor, pageOffset, pageResult, totalCount } from "./table";
import { lockVersioned, saveVersioned } from "./versioned";

/** Missions belong to Ārlietu ministrija: its editors (and unscoped ones) keep the register of them. */
export const MISSIONS_MINISTRY_CODE = "am";

export async function missionsMinistryId(tx: Tx | Db = defaultDb): Promise<number | null> {
  const [row] = await tx.select({ id: ministries.id }).from(ministries).where(eq(ministries.code, MISSIONS_MINISTRY_CODE));
  return row?.id ?? null;
}

/** The scope of a mission action: null when the mission does not exist (or a new one: always "am"). */
export async function missionScope(tx: Tx | Db, missionId?: number): Promise<RecordScope> {
  if (missionId !== undefined) {
    const [row] = await tx.select({ id: missions.id }).from(missions).where(eq(missions.id, missionId));
    if (!row) return null;
  }
  const ministryId = await missionsMinistryId(tx);
  return { ministryIds: ministryId === null ? [] : [ministryId] };
}

// ── List ─────────────────────────────────────────────────────────────────────────────────────────

export interface MissionListRow {
  id: number;
  nameLv: string;
  nameEn: string;
  city: string;
  countryCode: string;
  headOfMission: string | null;
  organizationCount: number;
  /** "FAO, WFP": acronyms of the organizations the mission covers, in alphabetical order. */
  organizationAcronyms: string | null;
  archivedAt: Date | null;
}

/**
 * The missions list: sorted, filtered, searched and paged by the server (see missionsTableSpec). The name
 * sorts in the user's language; `countryOrder` (every code, ordered by its name in that language) sorts
 * the country column by what the user reads, not by the code.
 */
export async function listMissions({
  query,
  locale,
  countryOrder = [],
  db = defaultDb,
}: {
  query: MissionsQuery;
  locale: Locale;
  countryOrder?: readonly string[];
  db?: Db;
}): Promise<{ rows: MissionListRow[]; total: number }> {
  const { country, status } = query.filters;
  const pattern = query.q ? containsPattern(query.q) : null;
  const where = and(
    country ? eq(missions.countryCode, country) : undefined,
    status === "archived" ? isNotNull(missions.archivedAt) : status === "all" ? undefined : isNull(missions.archivedAt),
    pattern
      ? or(ilike(missions.nameLv, pattern), ilike(missions.nameEn, pattern), ilike(missions.city, pattern), ilike(missions.headOfMission, pattern))
      : undefined,
  );
  const covered = db
    .select({
      missionId: missionOrganizations.missionId,
      n: sql<number>`count(*)::int`.as("n"),
      acronyms: sql<string>`string_agg(${organizations.acronym}, ', ' order by ${organizations.acronym})`.as("acronyms"),
    })
    .from(missionOrganizations)
    .innerJoin(organizations, eq(organizations.id, missionOrganizations.organizationId))
    .groupBy(missionOrganizations.missionId)
    .as("covered");
  const organizationCount = sql<number>`coalesce(${covered.n}, 0)`;
  const countryRank = countryOrder.length
    ? sql`array_position(array[${sql.join(
        countryOrder.map((code) => sql`${code}`),
        sql`, `,
      )}]::text[], ${missions.countryCode})`
    : sql`${missions.countryCode}`;
  const { limit, offset } = pageOffset(query);
  const rows = await db
    .select({
      id: missions.id,
      nameLv: missions.nameLv,
      nameEn: missions.nameEn,
      city: missions.city,
      countryCode: missions.countryCode,
      headOfMission: missions.headOfMission,
      organizationCount,
      organizationAcronyms: covered.acronyms,
      archivedAt: missions.archivedAt,
      totalCount,
    })
    .from(missions)
    .leftJoin(covered, eq(covered.missionId, missions.id))
    .where(where)
    .orderBy(
      ...orderFor(
        query.sort,
        {
          name: locale === "en" ? missions.nameEn : missions.nameLv,
          city: missions.city,
          country: countryRank,
          organizations: organizationCount,
          head: missions.headOfMission,
        },
        missions.id,
      ),
    )
    .limit(limit)
    .offset(offset);
  return pageResult(rows, query, async () => {
    const [row] = await db.select({ n: count() }).from(missions).where(where);
    return row?.n ?? 0;
  });
}

/** Countries that have a mission: the options of the list's country filter. */
export async function listMissionCountries({ db = defaultDb }: { db?: Db } = {}): Promise<string[]> {
  const rows = await db.selectDistinct({ code: missions.countryCode }).from(missions).orderBy(missions.countryCode);
  return rows.map((row) => row.code);
}

export async function getMission({ id, db = defaultDb }: { id: number; db?: Db }): Promise<Mission | null> {
  const [row] = await db.select().from(missions).where(eq(missions.id, id)).limit(1);
  return row ?? null;
}

// ── Writes of the record itself ──────────────────────────────────────────────────────────────────

export type MissionValues = Pick<
  Mission,
  "nameLv" | "nameEn" | "city" | "countryCode" | "address" | "headOfMission" | "email" | "phone" | "website" | "openedOn" | "closedOn" | "notes"
>;

export async function insertMission(tx: Tx, values: MissionValues): Promise<Mission> {
  const [row] = await tx.insert(missions).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/**
 * Archives (hides from the lists, keeps everything) or restores a mission. Archiving an archived mission
 * keeps its first date and writes nothing.
 */
export async function setMissionArchived({
  tx,
  audit,
  id,
  version,
  archived,
}: {
  tx: Tx;
  audit: ActionContext["audit"];
  id: number;
  version: number;
  archived: boolean;
}): Promise<{ version: number }> {
  const row = await lockVersioned(tx, missions, id, version);
  const archivedAt = archived ? (row.archivedAt ?? new Date()) : null;
  const { after } = await saveVersioned({ tx, audit, table: missions, id, version, set: { archivedAt }, action: archived ? "archive" : "restore" });
  return { version: after.version };
}

// ── Contributions of the covered organizations ───────────────────────────────────────────────────

export interface MissionContributionRow {
  id: number;
  organizationId: number;
  acronym: string;
  nameLv: string;
  nameEn: string;
  kind: ContributionKind;
  currency: string | null;
  amount: string | null;
  amountEur: string | null;
  status: ContributionStatus;
}

/**
 * A year's contribution lines of the organizations the mission covers, and their EUR total summed by
 * PostgreSQL (numeric, exact) without cancelled lines.
 */
export async function listMissionContributions({
  missionId,
  year,
  db = defaultDb,
}: {
  missionId: number;
  year: number;
  db?: Db;
}): Promise<{ rows: MissionContributionRow[]; totalEur: string }> {
  const covers = and(eq(missionOrganizations.missionId, missionId), eq(contributions.year, year));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: contributions.id,
        organizationId: organizations.id,
        acronym: organizations.acronym,
        nameLv: organizations.nameLv,
        nameEn: organizations.nameEn,
        kind: contributions.kind,
        currency: contributions.currency,
        amount: contributions.amount,
        amountEur: contributions.amountEur,
        status: contributions.status,
      })
      .from(contributions)
      .innerJoin(missionOrganizations, eq(missionOrganizations.organizationId, contributions.organizationId))
      .innerJoin(organizations, eq(organizations.id, contributions.organizationId))
      .where(covers)
      .orderBy(asc(organizations.acronym), asc(contributions.kind), asc(contributions.id)),
    db
      .select({ totalEur: sql<string>`coalesce(sum(${contributions.amountEur}), 0)::numeric(18,2)::text` })
      .from(contributions)
      .innerJoin(missionOrganizations, eq(missionOrganizations.organizationId, contributions.organizationId))
      .where(and(covers, ne(contributions.status, "cancelled"))),
  ]);
  return { rows, totalEur: total?.totalEur ?? "0.00" };
}
