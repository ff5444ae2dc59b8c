import "server-only";
import { and, count, eq, isNull, like, ne, sql, sum } from "drizzle-orm";
import { db as defaultDb, type Db } from "../index";
import { contributions, DEMO_NOTES_PREFIX, ministries, missions, organizations, payments } from "../schema";
import { isOverdue } from "./contributions";

export interface DashboardFigures {
  year: number;
  organizations: number;
  missions: number;
  ministries: number;
  contributions: number;
  /** EUR sums as numeric strings, computed in SQL from stored rounded lines. */
  assessedEur: string;
  plannedEur: string;
  paidEur: string;
  outstandingEur: string;
  overdue: number;
  byMinistry: { ministryId: number | null; code: string | null; nameLv: string | null; nameEn: string | null; assessedEur: string; paidEur: string }[];
  hasDemoData: boolean;
}

/** Live figures for the dashboard: counts of the register and the year's money, all from the database. */
export async function getDashboardFigures({
  year,
  ministryId = null,
  db = defaultDb,
}: {
  year: number;
  /** A ministry-scoped user sees the money of contributions their ministry pays. */
  ministryId?: number | null;
  db?: Db;
}): Promise<DashboardFigures> {
  const paidPerContribution = db
    .select({ contributionId: payments.contributionId, paidEur: sum(payments.amountEur).as("paid_eur") })
    .from(payments)
    .groupBy(payments.contributionId)
    .as("paid");

  const live = and(
    eq(contributions.year, year),
    ne(contributions.status, "cancelled"),
    ministryId === null ? undefined : eq(contributions.payingMinistryId, ministryId),
  );

  const [[orgs], [miss], [mins], [totals], byMinistry, [demo]] = await Promise.all([
    db.select({ n: count() }).from(organizations).where(isNull(organizations.archivedAt)),
    db.select({ n: count() }).from(missions).where(isNull(missions.archivedAt)),
    db.select({ n: count() }).from(ministries).where(eq(ministries.active, true)),
    db
      .select({
        n: count(),
        assessedEur: sql<string>`coalesce(sum(${contributions.amountEur}), 0)::numeric(18,2)::text`,
        plannedEur: sql<string>`coalesce(sum(${contributions.plannedEur}), 0)::numeric(18,2)::text`,
        paidEur: sql<string>`coalesce(sum(${paidPerContribution.paidEur}), 0)::numeric(18,2)::text`,
        outstandingEur: sql<string>`coalesce(sum(greatest(coalesce(${contributions.amountEur}, 0) - coalesce(${paidPerContribution.paidEur}, 0), 0)), 0)::numeric(18,2)::text`,
        overdue: sql<number>`count(*) filter (where ${isOverdue})::int`,
      })
      .from(contributions)
      .leftJoin(paidPerContribution, eq(paidPerContribution.contributionId, contributions.id))
      .where(live),
    db
      .select({
        ministryId: contributions.payingMinistryId,
        code: ministries.code,
        nameLv: ministries.nameLv,
        nameEn: ministries.nameEn,
        assessedEur: sql<string>`coalesce(sum(${contributions.amountEur}), 0)::numeric(18,2)::text`,
        paidEur: sql<string>`coalesce(sum(${paidPerContribution.paidEur}), 0)::numeric(18,2)::text`,
      })
      .from(contributions)
      .leftJoin(ministries, eq(ministries.id, contributions.payingMinistryId))
      .leftJoin(paidPerContribution, eq(paidPerContribution.contributionId, contributions.id))
      .where(live)
      .groupBy(contributions.payingMinistryId, ministries.code, ministries.nameLv, ministries.nameEn)
      .orderBy(sql`sum(${contributions.amountEur}) desc nulls last`),
    db
      .select({ n: count() })
      .from(contributions)
      .where(like(contributions.notes, `${DEMO_NOTES_PREFIX}%`)),
  ]);

  return {
    year,
    organizations: orgs?.n ?? 0,
    missions: miss?.n ?? 0,
    ministries: mins?.n ?? 0,
    contributions: totals?.n ?? 0,
    assessedEur: totals?.assessedEur ?? "0.00",
    plannedEur: totals?.plannedEur ?? "0.00",
    paidEur: totals?.paidEur ?? "0.00",
    outstandingEur: totals?.outstandingEur ?? "0.00",
    overdue: totals?.overdue ?? 0,
    byMinistry,
    hasDemoData: (demo?.n ?? 0) > 0,
  };
}
