import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/index";
import { getDashboardFigures } from "@/db/queries/dashboard";
import { sumMoney } from "@/lib/money";
import { setupTestDatabase } from "../helpers/test-db";

const { db } = setupTestDatabase("demo");

describe("dashboard figures", () => {
  it("count the register and add the year's stored lines to the cent", async () => {
    const figures = await getDashboardFigures({ year: 2025 });
    expect(figures).toMatchObject({ organizations: 28, missions: 10, ministries: 14, hasDemoData: true });

    const lines = rowsOf<{ amount_eur: string | null; planned_eur: string | null }>(
      await db.execute(sql`select amount_eur::text, planned_eur::text from contributions
        where year = 2025 and status <> 'cancelled'`),
    );
    expect(figures.contributions).toBe(lines.length);
    expect(figures.assessedEur).toBe(sumMoney(lines.map((l) => l.amount_eur)));
    expect(figures.plannedEur).toBe(sumMoney(lines.map((l) => l.planned_eur)));

    const paid = rowsOf<{ amount_eur: string }>(
      await db.execute(sql`select p.amount_eur::text from payments p join contributions c on c.id = p.contribution_id
        where c.year = 2025 and c.status <> 'cancelled'`),
    );
    expect(figures.paidEur).toBe(sumMoney(paid.map((p) => p.amount_eur)));
    expect(Number(figures.outstandingEur)).toBeGreaterThan(0);
    expect(figures.overdue).toBeGreaterThan(0);
    expect(sumMoney(figures.byMinistry.map((m) => m.assessedEur))).toBe(figures.assessedEur);
  });

  it("show zeros, not errors, for a year without contributions", async () => {
    const figures = await getDashboardFigures({ year: 2031 });
    expect(figures).toMatchObject({ contributions: 0, assessedEur: "0.00", paidEur: "0.00", outstandingEur: "0.00", byMinistry: [] });
  });
});
