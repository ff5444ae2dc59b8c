import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db";
import { budgetReport, completenessReport, statusReport, yearOverYearReport, type BudgetRow, type ReportFilters } from "@/db/queries/reports";
import { contributions, ministries, organizations, payments } from "@/db/schema";
import { sumMoney } from "@/lib/money";
import { setupTestDatabase } from "../helpers/test-db";

const { db } = setupTestDatabase("demo");
const YEAR = 2026;

const ministryIds = new Map<string, number>();
const ministry = (code: string) => {
  const id = ministryIds.get(code);
  if (id === undefined) throw new Error(`no ministry ${code}`);
  return id;
};
const filters = (values: Partial<ReportFilters> = {}): ReportFilters => ({ year: YEAR, ministryId: null, kind: null, scopeMinistryId: null, ...values });

async function newOrganization(): Promise<number> {
  const acronym = `R-${randomBytes(4).toString("hex").toUpperCase()}`;
  const [row] = await db.insert(organizations).values({ acronym, nameLv: `Atskaišu organizācija ${acronym}`, nameEn: `Report organization ${acronym}` }).returning({ id: organizations.id });
  return row!.id;
}

async function newLine(values: Partial<typeof contributions.$inferInsert> & { year: number }): Promise<number> {
  const [row] = await db
    .insert(contributions)
    .values({ organizationId: values.organizationId ?? (await newOrganization()), kind: "assessed", payingMinistryId: ministry("am"), ...values })
    .returning({ id: contributions.id });
  return row!.id;
}

async function pay(contributionId: number, amountEur: string) {
  await db.insert(payments).values({ contributionId, paidOn: "2026-01-15", amount: amountEur, currency: "EUR", amountEur });
}

/** The database's own sums over the same lines, to compare a report's total with. */
async function sqlSums(where: ReturnType<typeof sql>) {
  const [row] = rowsOf<{ planned: string; assessed: string; paid: string; lines: number }>(
    await db.execute(sql`select coalesce(sum(c.planned_eur), 0)::numeric(18,2)::text as planned,
      coalesce(sum(c.amount_eur), 0)::numeric(18,2)::text as assessed,
      (select coalesce(sum(p.amount_eur), 0)::numeric(18,2)::text from payments p join contributions c on c.id = p.contribution_id where ${where}) as paid,
      count(*)::int as lines
      from contributions c where ${where}`),
  );
  return row!;
}

const amounts = (row: BudgetRow) => ({ planned: row.plannedEur, assessed: row.assessedEur, paid: row.paidEur, lines: row.lineCount });
const sumOf = (rows: BudgetRow[], key: "plannedEur" | "assessedEur" | "paidEur" | "outstandingEur") => sumMoney(rows.map((r) => r[key]));

beforeAll(async () => {
  for (const m of await db.select({ id: ministries.id, code: ministries.code }).from(ministries)) ministryIds.set(m.code, m.id);
});

describe("budget report on the demo data", () => {
  for (const by of ["ministry", "programme", "organization"] as const) {
    it(`by ${by}: the total is the SQL sum, rows and subtotals add up to it`, async () => {
      const rows = await budgetReport({ by, filters: filters() });
      const total = rows.at(-1)!;
      expect(total.level).toBe("total");
      expect(rows.filter((r) => r.level === "total")).toHaveLength(1);
      expect(Number(total.lineCount)).toBeGreaterThan(5);
      expect({ ...amounts(total), lines: Number(total.lineCount) }).toEqual(await sqlSums(sql`c.year = ${YEAR} and c.status <> 'cancelled'`));

      const lines = rows.filter((r) => r.level === "row");
      for (const key of ["plannedEur", "assessedEur", "paidEur", "outstandingEur"] as const) expect(sumOf(lines, key)).toBe(total[key]);
      if (by === "programme") {
        const subtotals = rows.filter((r) => r.level === "subtotal");
        expect(subtotals.length).toBeGreaterThan(1);
        expect(sumOf(subtotals, "assessedEur")).toBe(total.assessedEur);
        for (const subtotal of subtotals) {
          const own = lines.filter((r) => r.ministryId === subtotal.ministryId);
          expect(sumOf(own, "assessedEur")).toBe(subtotal.assessedEur);
          expect(sumOf(own, "plannedEur")).toBe(subtotal.plannedEur);
          // A ministry's subtotal follows its own rows.
          expect(rows.indexOf(subtotal)).toBe(rows.indexOf(own.at(-1)!) + 1);
        }
      }
      for (const row of rows) expect(row.plannedEur).toMatch(/^-?\d+\.\d{2}$/);
    });
  }

  it("applies the scope and the filters, with totals equal to the SQL sums", async () => {
    const zm = ministry("zm");
    const scoped = await budgetReport({ by: "organization", filters: filters({ scopeMinistryId: zm, kind: "assessed" }) });
    const expected = await sqlSums(sql`c.year = ${YEAR} and c.status <> 'cancelled' and c.paying_ministry_id = ${zm} and c.kind = 'assessed'`);
    expect(Number(expected.lines)).toBeGreaterThan(0);
    expect({ ...amounts(scoped.at(-1)!), lines: Number(scoped.at(-1)!.lineCount) }).toEqual(expected);

    const byMinistry = await budgetReport({ by: "ministry", filters: filters({ scopeMinistryId: zm }) });
    expect(byMinistry.filter((r) => r.level === "row").map((r) => r.ministryId)).toEqual([zm]);
    // The scope wins over a filter for another ministry: nothing of theirs.
    const other = await budgetReport({ by: "ministry", filters: filters({ scopeMinistryId: zm, ministryId: ministry("am") }) });
    expect(other.filter((r) => r.level === "row")).toHaveLength(0);
    expect(other.at(-1)).toMatchObject({ level: "total", lineCount: 0, assessedEur: "0.00" });
  });
});

describe("budget report arithmetic", () => {
  it("rounds the variance percentage once, and has none without a plan", async () => {
    const year = 2091;
    await newLine({ year, payingMinistryId: ministry("am"), plannedEur: "3.00", currency: "EUR", amount: "4.00", amountEur: "4.00" });
    await newLine({ year, payingMinistryId: ministry("zm"), plannedEur: "3.00", currency: "EUR", amount: "2.00", amountEur: "2.00" });
    await newLine({ year, payingMinistryId: ministry("km"), currency: "EUR", amount: "5.00", amountEur: "5.00" });
    const rows = await budgetReport({ by: "ministry", filters: filters({ year }) });
    const of = (code: string) => rows.find((r) => r.ministryId === ministry(code))!;
    expect(of("am")).toMatchObject({ varianceEur: "1.00", variancePct: "33.3" });
    expect(of("zm")).toMatchObject({ varianceEur: "-1.00", variancePct: "-33.3" });
    expect(of("km")).toMatchObject({ plannedEur: "0.00", varianceEur: "5.00", variancePct: null });
    expect(rows.at(-1)).toMatchObject({ plannedEur: "6.00", assessedEur: "11.00", varianceEur: "5.00", variancePct: "83.3" });
  });

  it("leaves cancelled lines out and keeps lines without a ministry in a row of their own", async () => {
    const year = 2092;
    await newLine({ year, currency: "EUR", amount: "100.00", amountEur: "100.00", status: "cancelled" });
    const kept = await newLine({ year, currency: "EUR", amount: "50.00", amountEur: "50.00", status: "assessed" });
    await pay(kept, "20.00");
    await newLine({ year, payingMinistryId: null, plannedEur: "7.50" });
    const rows = await budgetReport({ by: "ministry", filters: filters({ year }) });
    expect(rows.map((r) => [r.level, r.ministryId])).toEqual([
      ["row", ministry("am")],
      ["row", null],
      ["total", null],
    ]);
    expect(rows.at(-1)).toMatchObject({ lineCount: 2, assessedEur: "50.00", paidEur: "20.00", outstandingEur: "30.00", plannedEur: "7.50" });
    const programmes = await budgetReport({ by: "programme", filters: filters({ year }) });
    expect(programmes.map((r) => r.level)).toEqual(["row", "subtotal", "row", "subtotal", "total"]);
  });
});

describe("status report", () => {
  it("tells paid, part paid and no payment apart, and finds what is overdue", async () => {
    const year = 2093;
    const [paidOrg, partOrg, noneOrg] = [await newOrganization(), await newOrganization(), await newOrganization()];
    const paid = await newLine({ year, organizationId: paidOrg, currency: "EUR", amount: "100.00", amountEur: "100.00", status: "paid", dueDate: "2020-01-01" });
    await pay(paid, "120.00");
    const part = await newLine({ year, organizationId: partOrg, currency: "EUR", amount: "100.00", amountEur: "100.00", status: "partially_paid", dueDate: "2093-06-30" });
    await pay(part, "40.00");
    await newLine({ year, organizationId: noneOrg, currency: "EUR", amount: "100.00", amountEur: "100.00", status: "assessed", dueDate: "2020-01-01" });
    await newLine({ year, organizationId: noneOrg, currency: "EUR", amount: "30.00", amountEur: "30.00", status: "cancelled", dueDate: "2020-01-01" });

    const rows = await statusReport({ filters: filters({ year }) });
    const of = (id: number) => rows.find((r) => r.organizationId === id)!;
    // Overpaid: nothing outstanding, never a negative amount.
    expect(of(paidOrg)).toMatchObject({ level: "row", assessedEur: "100.00", paidEur: "120.00", outstandingEur: "0.00", state: "paid", overdue: false, overdueEur: "0.00" });
    expect(of(partOrg)).toMatchObject({ paidEur: "40.00", outstandingEur: "60.00", state: "part_paid", overdue: false });
    expect(of(noneOrg)).toMatchObject({ assessedEur: "100.00", paidEur: "0.00", outstandingEur: "100.00", state: "no_payment", overdue: true, overdueEur: "100.00" });
    expect(rows.at(-1)).toMatchObject({ level: "total", state: null, assessedEur: "300.00", paidEur: "160.00", outstandingEur: "160.00", overdue: true, overdueEur: "100.00" });
    expect(rows).toHaveLength(4);
  });

  it("totals the demo year as the database sums it", async () => {
    const rows = await statusReport({ filters: filters() });
    const expected = await sqlSums(sql`c.year = ${YEAR} and c.status <> 'cancelled'`);
    expect(rows.at(-1)).toMatchObject({ assessedEur: expected.assessed, paidEur: expected.paid });
    expect(sumMoney(rows.filter((r) => r.level === "row").map((r) => r.outstandingEur))).toBe(rows.at(-1)!.outstandingEur);
  });
});

describe("year-over-year report", () => {
  it("puts the years side by side with the change in EUR and per cent", async () => {
    const organizationId = await newOrganization();
    const ministryId = ministry("km");
    for (const [year, eur] of [
      [2094, "200.00"],
      [2095, "300.00"],
      [2097, "100.00"],
    ] as const) {
      await newLine({ year, organizationId, payingMinistryId: ministryId, currency: "EUR", amount: eur, amountEur: eur });
    }
    const report = await yearOverYearReport({ from: 2095, to: 2097, filters: { ministryId, kind: null, scopeMinistryId: null } });
    expect(report.years).toEqual([2095, 2096, 2097]);
    const row = report.rows.find((r) => r.organizationId === organizationId)!;
    expect(row.totals).toEqual(["300.00", null, "100.00"]);
    expect(row.changeEur).toEqual(["100.00", null, null]);
    expect(row.changePct).toEqual(["50.0", null, null]);
    expect(report.total.totals[0]).toBe("300.00");
    expect(report.total.totals[1]).toBe("0.00");
  });
});

describe("completeness report", () => {
  it("finds lines with gaps, organizations without a lead and currencies without a rate", async () => {
    const year = 2096;
    const organizationId = await newOrganization();
    const gap = await newLine({ year, organizationId, payingMinistryId: ministry("zm"), currency: "CHF" });
    const noMinistry = await newLine({ year, payingMinistryId: null, currency: "EUR", amount: "1.00", amountEur: "1.00" });
    await newLine({ year, payingMinistryId: ministry("zm"), currency: "CHF", status: "cancelled" });

    const report = await completenessReport({ filters: filters({ year }) });
    expect(report.lines.find((l) => l.id === gap)).toMatchObject({ kind: "assessed", missing: ["amount", "programme"] });
    expect(report.lines.find((l) => l.id === noMinistry)?.missing).toEqual(["programme", "payingMinistry"]);
    expect(report.organizationsWithoutLead.map((o) => o.id)).toContain(organizationId);
    expect(report.missingRates).toEqual([{ year, currency: "CHF", lineCount: 1 }]);

    // A zm-scoped reader sees their own lines and organizations only.
    const scoped = await completenessReport({ filters: filters({ year, scopeMinistryId: ministry("zm") }) });
    expect(scoped.lines.map((l) => l.id)).toEqual([gap]);
    expect(scoped.organizationsWithoutLead.map((o) => o.id)).toEqual([organizationId]);
    const other = await completenessReport({ filters: filters({ year, scopeMinistryId: ministry("am") }) });
    expect(other).toEqual({ lines: [], organizationsWithoutLead: [], missingRates: [] });
  });

  it("finds nothing missing where a rate exists", async () => {
    const report = await completenessReport({ filters: filters() });
    const [used] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from contributions c where c.year = ${YEAR} and c.status <> 'cancelled' and c.currency <> 'EUR'
        and not exists (select 1 from exchange_rates r where r.currency = c.currency and r.year = c.year)`),
    );
    expect(sumMoney(report.missingRates.map((r) => String(r.lineCount)))).toBe(`${Number(used!.n)}.00`);
  });
});
