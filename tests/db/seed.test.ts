import { and, count, eq, isNotNull, isNull, like, ne, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/index";
import {
  contributions,
  exchangeRates,
  ministries,
  missionOrganizations,
  missions,
  organizationResponsibilities,
  organizations,
  users,
} from "@/db/schema";
import { DEMO_USERS, demoPassword } from "@/db/seed/demo-users";
import { verifyPassword } from "@/lib/auth/password";
import { seed } from "@/db/seed";
import { toEur } from "@/lib/money";
import { fingerprint, setupTestDatabase } from "../helpers/test-db";

const { db } = setupTestDatabase("demo");

const total = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n;

describe("seed", () => {
  it("loads the reference data from db/seed/data", async () => {
    expect(await total(db.select({ n: count() }).from(ministries))).toBe(14);
    expect(await total(db.select({ n: count() }).from(organizations))).toBe(28);
    expect(await total(db.select({ n: count() }).from(missions))).toBe(10);
    expect(await total(db.select({ n: count() }).from(contributions).where(isNotNull(contributions.sourceUrl)))).toBe(30);
    // Every organization has exactly one current lead.
    const leads = await db
      .select({ n: count() })
      .from(organizationResponsibilities)
      .where(and(eq(organizationResponsibilities.role, "lead"), isNull(organizationResponsibilities.validTo)));
    expect(leads[0]?.n).toBe(28);
    const geneva = await db
      .select({ acronym: organizations.acronym })
      .from(missionOrganizations)
      .innerJoin(missions, eq(missions.id, missionOrganizations.missionId))
      .innerJoin(organizations, eq(organizations.id, missionOrganizations.organizationId))
      .where(eq(missions.city, "Geneva"));
    expect(geneva.map((r) => r.acronym).sort()).toEqual(["ACWL", "OHCHR", "UN", "UNHCR", "WTO"]);
  });

  it("converts lats at the fixed changeover rate and records the rate row used", async () => {
    const [un2001] = await db
      .select({ amount: contributions.amount, amountEur: contributions.amountEur, rate: exchangeRates.unitsPerEur })
      .from(contributions)
      .innerJoin(organizations, eq(organizations.id, contributions.organizationId))
      .innerJoin(exchangeRates, eq(exchangeRates.id, contributions.exchangeRateId))
      .where(and(eq(organizations.acronym, "UN"), eq(contributions.year, 2001)));
    expect(un2001).toEqual({ amount: "553209.00", amountEur: "787145.49", rate: "0.70280400" });
    expect(toEur(un2001!.amount!, un2001!.rate)).toBe(un2001!.amountEur);
  });

  it("stores every conversion as PostgreSQL would round it", async () => {
    const mismatches = rowsOf<{ id: number }>(
      await db.execute(sql`select c.id from contributions c join exchange_rates r on r.id = c.exchange_rate_id
        where c.amount_eur <> round(c.amount / r.units_per_eur, 2)
        union all
        select p.id from payments p join exchange_rates r on r.id = p.exchange_rate_id
        where p.amount_eur <> round(p.amount / r.units_per_eur, 2)`),
    );
    expect(mismatches).toEqual([]);
  });

  it("marks every demo contribution as demo data", async () => {
    const demo = await total(db.select({ n: count() }).from(contributions).where(like(contributions.notes, "DEMO:%")));
    const unsourced = await total(db.select({ n: count() }).from(contributions).where(isNull(contributions.sourceUrl)));
    expect(demo).toBeGreaterThan(80);
    expect(unsourced).toBe(demo);
    const years = rowsOf<{ year: number }>(
      await db.execute(sql`select distinct year from contributions where notes like 'DEMO:%' order by year`),
    ).map((r) => r.year);
    expect(years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    // Some of the demo year is outstanding and overdue, so the dashboard and reports have something to show.
    const statuses = await db
      .selectDistinct({ status: contributions.status })
      .from(contributions)
      .where(and(eq(contributions.year, 2025), ne(contributions.status, "paid")));
    expect(statuses.length).toBeGreaterThan(0);
  });

  it("creates the demo accounts, one per role and scope, with argon2id hashes of the demo password", async () => {
    const rows = await db
      .select({ email: users.email, role: users.role, ministry: ministries.code, hash: users.passwordHash })
      .from(users)
      .leftJoin(ministries, eq(ministries.id, users.ministryId))
      .orderBy(users.id);
    expect(rows.map(({ email, role, ministry }) => ({ email, role, ministry }))).toEqual(
      DEMO_USERS.map(({ email, role, ministry }) => ({ email, role, ministry })),
    );
    for (const row of rows) {
      expect(row.hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(row.hash, demoPassword())).toBe(true);
    }
  });

  it("is idempotent: a second run inserts nothing and changes nothing", async () => {
    const before = await fingerprint(db);
    const summary = await seed(db, { demo: true });
    expect(Object.values(summary).every((n) => n === 0)).toBe(true);
    expect(await fingerprint(db)).toEqual(before);
  });
});
