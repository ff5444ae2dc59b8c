import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prepareNextYear } from "@/app/(app)/contributions/years/actions";
import { parseYearsQuery } from "@/app/(app)/contributions/years/search-params";
import { rowsOf } from "@/db";
import { dueDateNextYear, preparableLineCount, yearChange, yearMatrix, type YearMatrixQuery } from "@/db/queries/contribution-years";
import { auditLog, budgetProgrammes, contributions, exchangeRates, fiscalYears, ministries, organizations, type Contribution } from "@/db/schema";
import { actAs } from "../helpers/acting-user";
import { fingerprint, setupTestDatabase } from "../helpers/test-db";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/acting-user")).sessionModule);
vi.mock("@/lib/request", async (orig) => ({ ...(await orig<object>()), requestId: async () => "req-contribution-years-test" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { db } = setupTestDatabase("demo");

const ministryIds = new Map<string, number>();
const ministry = (code: string) => {
  const id = ministryIds.get(code);
  if (id === undefined) throw new Error(`no ministry ${code}`);
  return id;
};

async function newOrganization(): Promise<number> {
  const acronym = `T-${randomBytes(4).toString("hex").toUpperCase()}`;
  const [row] = await db
    .insert(organizations)
    .values({ acronym, nameLv: `Testa organizācija ${acronym}`, nameEn: `Test organization ${acronym}` })
    .returning({ id: organizations.id });
  return row!.id;
}

type Line = Omit<typeof contributions.$inferInsert, "organizationId" | "year" | "kind"> &
  Pick<Contribution, "organizationId" | "year" | "kind">;
async function newLine(values: Line): Promise<Contribution> {
  const [row] = await db.insert(contributions).values(values).returning();
  return row!;
}

/** Runs a refused call and checks that no business table changed. */
async function refused(work: () => Promise<unknown>) {
  const before = await fingerprint(db);
  const result = await work();
  expect(await fingerprint(db)).toEqual(before);
  return result as { ok: false; error: string; fieldErrors?: Record<string, string[]> };
}

/** Totals straight from SQL, independent of the query under test: "org:year" → sum, and year → sum. */
async function sqlSums(where: ReturnType<typeof sql>) {
  const cells = rowsOf<{ organization_id: number; year: number; total: string | null }>(
    await db.execute(sql`select organization_id, year, sum(amount_eur)::numeric(18,2)::text as total
      from contributions where status <> 'cancelled' and ${where} group by organization_id, year`),
  );
  const years = rowsOf<{ year: number; total: string | null }>(
    await db.execute(sql`select year, sum(amount_eur)::numeric(18,2)::text as total
      from contributions where status <> 'cancelled' and ${where} group by year`),
  );
  return {
    cells: new Map(cells.map((c) => [`${c.organization_id}:${c.year}`, c.total])),
    years: new Map(years.map((y) => [y.year, y.total])),
  };
}

/** Checks every cell and total of a matrix against SQL sums of the same lines. */
async function expectMatrixEqualsSql(query: YearMatrixQuery, scopeMinistryId: number | null, where: ReturnType<typeof sql>) {
  const matrix = await yearMatrix({ query, scopeMinistryId, db });
  const expected = await sqlSums(sql`year between ${query.from} and ${query.to} and ${where}`);
  const seen = new Map<string, string | null>();
  for (const row of matrix.rows) {
    for (const cell of row.cells) {
      const key = `${row.organizationId}:${cell.year}`;
      if (cell.lines > 0) seen.set(key, cell.totalEur);
      else expect(expected.cells.has(key), key).toBe(false);
    }
  }
  expect(seen).toEqual(expected.cells);
  for (const total of matrix.totals) expect(total.totalEur, String(total.year)).toBe(expected.years.get(total.year) ?? null);
  return matrix;
}

const auditOf = (ids: number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "contributions"), inArray(auditLog.entityId, ids.map(String))))
        .orderBy(asc(auditLog.id));

const linesOf = (year: number) => db.select().from(contributions).where(eq(contributions.year, year)).orderBy(asc(contributions.id));

let usdRateId: number;

beforeAll(async () => {
  for (const m of await db.select({ id: ministries.id, code: ministries.code }).from(ministries)) ministryIds.set(m.code, m.id);
  const [rate] = await db.select({ id: exchangeRates.id }).from(exchangeRates).where(eq(exchangeRates.currency, "USD")).limit(1);
  usdRateId = rate!.id;
  // Signing in stamps the user's row: once up front, so that "nothing changed" means the action.
  for (const who of ["admin", "editor", "zmEditor", "viewer"] as const) await actAs(db, who);
});
beforeEach(async () => {
  await actAs(db, null);
});

describe("the URL range", () => {
  it("defaults to the eight years ending with this year, swaps a reversed range and keeps at most 15 years", () => {
    expect(parseYearsQuery({}, 2026)).toMatchObject({ from: 2019, to: 2026, ministryId: null, kind: null });
    expect(parseYearsQuery({ from: "2010", to: "2012" }, 2026)).toMatchObject({ from: 2010, to: 2012 });
    expect(parseYearsQuery({ from: "2012", to: "2010" }, 2026)).toMatchObject({ from: 2010, to: 2012 });
    expect(parseYearsQuery({ from: "1990", to: "2026" }, 2026)).toMatchObject({ from: 2012, to: 2026 });
    expect(parseYearsQuery({ to: "2020" }, 2026)).toMatchObject({ from: 2013, to: 2020 });
    expect(parseYearsQuery({ from: "1200", to: "99999", kind: "bogus", ministry: "-3" }, 2026)).toMatchObject({
      from: 2019,
      to: 2026,
      kind: null,
      ministryId: null,
    });
  });
});

describe("organizations × years", () => {
  it("sums the stored EUR lines per organization and year in SQL, leaving cancelled lines out", async () => {
    const org = await newOrganization();
    await newLine({ organizationId: org, year: 2024, kind: "assessed", payingMinistryId: ministry("am"), currency: "EUR", amount: "100.10", amountEur: "100.10", status: "assessed" });
    await newLine({ organizationId: org, year: 2024, kind: "voluntary", payingMinistryId: ministry("am"), currency: "EUR", amount: "0.20", amountEur: "0.20", status: "assessed" });
    await newLine({ organizationId: org, year: 2024, kind: "assessed", payingMinistryId: ministry("am"), currency: "EUR", amount: "999.99", amountEur: "999.99", status: "cancelled" });
    const matrix = await expectMatrixEqualsSql({ from: 2019, to: 2026 }, null, sql`true`);

    expect(matrix.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    const row = matrix.rows.find((r) => r.organizationId === org)!;
    expect(row.cells.find((c) => c.year === 2024)).toMatchObject({ totalEur: "100.30", lines: 2, change: null });
    expect(row.cells.find((c) => c.year === 2025)).toMatchObject({ totalEur: null, lines: 0, change: null });
    // The demo years are not empty, and the totals row is more than one organization.
    expect(matrix.rows.length).toBeGreaterThan(5);
    expect(matrix.totals.every((t) => t.totalEur !== null)).toBe(true);
  });

  it("gives the change against the previous year exactly, the first column's included", async () => {
    const org = await newOrganization();
    await newLine({ organizationId: org, year: 2019, kind: "assessed", payingMinistryId: ministry("am"), currency: "EUR", amount: "0.10", amountEur: "0.10", status: "paid" });
    await newLine({ organizationId: org, year: 2020, kind: "assessed", payingMinistryId: ministry("am"), currency: "EUR", amount: "0.30", amountEur: "0.30", status: "paid" });
    await newLine({ organizationId: org, year: 2021, kind: "assessed", payingMinistryId: ministry("am"), currency: "EUR", amount: "0.00", amountEur: "0.00", status: "paid" });
    await newLine({ organizationId: org, year: 2022, kind: "assessed", payingMinistryId: ministry("am"), currency: "EUR", amount: "7.00", amountEur: "7.00", status: "paid" });
    const matrix = await yearMatrix({ query: { from: 2020, to: 2023 }, db });
    const cells = matrix.rows.find((r) => r.organizationId === org)!.cells;
    // 0.30 − 0.10 in floats is 0.19999999999999998, and ÷ 0.10 is 1.9999999999999996.
    expect(cells[0]!.change).toEqual({ eur: "0.20", ratio: "2.0000" });
    expect(cells[1]!.change).toEqual({ eur: "-0.30", ratio: "-1.0000" });
    expect(cells[2]!.change).toEqual({ eur: "7.00", ratio: null }); // against zero: no percentage
    expect(cells[3]!.change).toBeNull(); // this year is empty

    // The totals row's change is the difference of the SQL totals, to the cent.
    const totals = await sqlSums(sql`true`);
    for (const total of matrix.totals) {
      const [now, before] = [totals.years.get(total.year)!, totals.years.get(total.year - 1)!];
      const cents = (value: string) => BigInt(value.replace(".", ""));
      const diff = cents(now) - cents(before);
      expect(BigInt(total.change!.eur.replace(".", "")), String(total.year)).toBe(diff);
      const [ratio] = rowsOf<{ r: string }>(await db.execute(sql`select round((${now}::numeric - ${before}::numeric) / ${before}::numeric, 4)::text as r`));
      expect(total.change!.ratio).toBe(ratio!.r);
    }
  });

  it("computes changes in decimals", () => {
    expect(yearChange("1234567890123456.79", "0.01")).toEqual({ eur: "1234567890123456.78", ratio: "123456789012345678.0000" });
    expect(yearChange("100.00", "300.00")).toEqual({ eur: "-200.00", ratio: "-0.6667" });
    expect(yearChange("100.00", null)).toBeNull();
    expect(yearChange(null, "100.00")).toBeNull();
  });

  it("shows a ZM-scoped user only what ZM pays, and filters by ministry and kind", async () => {
    const zm = ministry("zm");
    const query = { from: 2019, to: 2026 };
    const scoped = await expectMatrixEqualsSql(query, zm, sql`paying_ministry_id = ${zm}`);
    expect(scoped.rows.length).toBeGreaterThan(0);
    const zmOrganizations = rowsOf<{ id: number }>(
      await db.execute(sql`select distinct organization_id as id from contributions where paying_ministry_id = ${zm} and status <> 'cancelled' and year between 2019 and 2026`),
    ).map((r) => r.id);
    expect(scoped.rows.map((r) => r.organizationId).sort()).toEqual(zmOrganizations.sort());
    const all = await yearMatrix({ query, db });
    expect(all.rows.length).toBeGreaterThan(scoped.rows.length);

    // A scoped user's own ministry filter cannot widen the scope.
    const widened = await yearMatrix({ query: { ...query, ministryId: ministry("am") }, scopeMinistryId: zm, db });
    expect(widened.rows).toEqual([]);
    expect(widened.totals.every((t) => t.totalEur === null && t.lines === 0)).toBe(true);

    await expectMatrixEqualsSql({ ...query, ministryId: ministry("am") }, null, sql`paying_ministry_id = ${ministry("am")}`);
    await expectMatrixEqualsSql({ ...query, kind: "assessed" }, null, sql`kind = 'assessed'`);
    await expectMatrixEqualsSql({ ...query, kind: "voluntary", ministryId: zm }, zm, sql`kind = 'voluntary' and paying_ministry_id = ${zm}`);
  });
});

describe("prepare next year", () => {
  it("moves due dates a year on, 29 February to 28 February", () => {
    expect(dueDateNextYear("2040-02-29")).toBe("2041-02-28");
    expect(dueDateNextYear("2039-02-28")).toBe("2040-02-28");
    expect(dueDateNextYear("2026-12-31")).toBe("2027-12-31");
    expect(dueDateNextYear(null)).toBeNull();
  });

  it("refuses viewers, a ZM editor asking for another ministry or for all, and an unknown year's copy", async () => {
    await actAs(db, "viewer");
    expect((await refused(() => prepareNextYear({ fromYear: 2026, ministryId: ministry("zm") }))).error).toBe("forbidden");
    await actAs(db, "zmEditor");
    expect((await refused(() => prepareNextYear({ fromYear: 2026, ministryId: ministry("am") }))).error).toBe("not_found");
    expect((await refused(() => prepareNextYear({ fromYear: 2026, ministryId: null }))).error).toBe("not_found");
    expect((await refused(() => prepareNextYear({ fromYear: 2026 }))).error).toBe("not_found");
    await actAs(db, "admin");
    const empty = await refused(() => prepareNextYear({ fromYear: 2060, ministryId: null }));
    expect(empty).toMatchObject({ error: "invalid", fieldErrors: { _form: ["nothingToCopy"] } });
    const extra = await refused(() => prepareNextYear({ fromYear: 2026, ministryId: null, status: "paid" }));
    expect(extra.error).toBe("invalid");
    expect((await refused(() => prepareNextYear({ fromYear: 2100, ministryId: null }))).error).toBe("invalid");
  });

  it("writes nothing at all when a line fails halfway (one transaction)", async () => {
    const source = (await linesOf(2026)).filter((l) => l.status !== "cancelled");
    // The last line's organization, when it is not the first's: some lines are inserted before the failure.
    const third = source.at(-1)!;
    expect(third.organizationId).not.toBe(source[0]!.organizationId);
    await db.execute(sql.raw(`create function fail_third() returns trigger language plpgsql as $$
      begin if new.year = 2027 and new.organization_id = ${third!.organizationId} then raise exception 'injected'; end if; return new; end $$`));
    await db.execute(sql`create trigger fail_third before insert on contributions for each row execute function fail_third()`);
    try {
      await actAs(db, "admin");
      const result = await refused(() => prepareNextYear({ fromYear: 2026, ministryId: null }));
      expect(result.error).toBe("error");
    } finally {
      await db.execute(sql`drop trigger fail_third on contributions`);
      await db.execute(sql`drop function fail_third()`);
    }
    expect(await linesOf(2027)).toEqual([]);
  });

  it("copies the year's non-cancelled lines into the next as planned, planned EUR = EUR, one audit row each", async () => {
    const source = (await linesOf(2026)).filter((l) => l.status !== "cancelled");
    expect(source.length).toBeGreaterThan(5);
    expect(await linesOf(2027)).toEqual([]);
    expect(await preparableLineCount({ year: 2026, ministryId: null, db })).toBe(source.length);

    const admin = await actAs(db, "admin");
    const result = await prepareNextYear({ fromYear: 2026, ministryId: null });
    expect(result).toEqual({ ok: true, data: { created: source.length } });

    const created = await linesOf(2027);
    expect(created).toHaveLength(source.length);
    const audits = await auditOf(created.map((c) => c.id));
    expect(audits).toHaveLength(created.length);
    const fromOf = new Map(audits.map((a) => [Number(a.entityId), (a.after as { copiedFrom: number }).copiedFrom]));
    expect(new Set(fromOf.values())).toEqual(new Set(source.map((s) => s.id)));
    for (const audit of audits) {
      expect(audit).toMatchObject({ action: "prepare_next_year", userId: admin!.id, requestId: "req-contribution-years-test", before: null });
    }
    for (const line of created) {
      const from = source.find((s) => s.id === fromOf.get(line.id))!;
      expect(line).toMatchObject({
        year: 2027,
        organizationId: from.organizationId,
        kind: from.kind,
        payingMinistryId: from.payingMinistryId,
        currency: from.currency,
        budgetProgrammeId: from.budgetProgrammeId,
        status: "planned",
        amount: null,
        amountEur: null,
        exchangeRateId: null,
        plannedEur: from.amountEur ?? from.plannedEur,
        dueDate: dueDateNextYear(from.dueDate),
        cabinetOrder: null,
        createdBy: admin!.id,
        version: 1,
      });
      const after = audits.find((a) => Number(a.entityId) === line.id)!.after as Record<string, unknown>;
      expect(after).toMatchObject({ year: 2027, organizationId: line.organizationId, plannedEur: line.plannedEur, status: "planned", copiedFrom: from.id });
    }
    // The planned total of the new year is the EUR total of the old one.
    const [sums] = rowsOf<{ planned: string; eur: string }>(
      await db.execute(sql`select (select sum(planned_eur) from contributions where year = 2027)::text as planned,
        (select sum(coalesce(amount_eur, planned_eur)) from contributions where year = 2026 and status <> 'cancelled')::text as eur`),
    );
    expect(sums!.planned).toBe(sums!.eur);
  });

  it("refuses as a whole when the next year already has a line with the key of one to copy", async () => {
    await actAs(db, "admin");
    const again = await refused(() => prepareNextYear({ fromYear: 2026, ministryId: null }));
    expect(again).toMatchObject({ error: "invalid", fieldErrors: { _form: ["rowsExist"] } });

    // One clash among several new keys is enough: nothing is copied.
    const org = await newOrganization();
    await newLine({ organizationId: org, year: 2035, kind: "assessed", payingMinistryId: ministry("em"), currency: "EUR", amount: "10.00", amountEur: "10.00", status: "assessed" });
    await newLine({ organizationId: org, year: 2035, kind: "voluntary", payingMinistryId: ministry("em"), currency: "EUR", amount: "20.00", amountEur: "20.00", status: "assessed" });
    await newLine({ organizationId: org, year: 2036, kind: "voluntary", payingMinistryId: ministry("em"), currency: "EUR", status: "cancelled" });
    const clash = await refused(() => prepareNextYear({ fromYear: 2035, ministryId: ministry("em") }));
    expect(clash).toMatchObject({ error: "invalid", fieldErrors: { _form: ["rowsExist"] } });
  });

  it("refuses a closed next year", async () => {
    const org = await newOrganization();
    await newLine({ organizationId: org, year: 2042, kind: "assessed", payingMinistryId: ministry("am"), currency: "EUR", amount: "5.00", amountEur: "5.00", status: "assessed" });
    await db.insert(fiscalYears).values({ year: 2043, closedAt: new Date() });
    await actAs(db, "admin");
    expect((await refused(() => prepareNextYear({ fromYear: 2042, ministryId: null }))).error).toBe("year_closed");
  });

  it("lets a ZM editor copy ZM's lines only; a programme no longer in force is left empty", async () => {
    const [a, b] = [await newOrganization(), await newOrganization()];
    const zm = ministry("zm");
    const [current] = await db.select().from(budgetProgrammes).where(eq(budgetProgrammes.ministryId, zm)).limit(1);
    const [ending] = await db
      .insert(budgetProgrammes)
      .values({ code: "24.99.00", nameLv: "Beidzas", nameEn: "Ending", ministryId: zm, validFromYear: 2030, validToYear: 2040 })
      .returning();
    const l1 = await newLine({
      organizationId: a, year: 2040, kind: "assessed", payingMinistryId: zm, budgetProgrammeId: current!.id, currency: "EUR",
      amount: "100.00", amountEur: "100.00", plannedEur: "90.00", dueDate: "2040-02-29", cabinetOrder: "MK rīkojums Nr. 1", status: "assessed",
    });
    const l2 = await newLine({
      organizationId: a, year: 2040, kind: "voluntary", payingMinistryId: zm, budgetProgrammeId: ending!.id, currency: "USD",
      amount: "200.00", exchangeRateId: usdRateId, amountEur: "172.41", status: "partially_paid",
    });
    const l3 = await newLine({ organizationId: b, year: 2040, kind: "assessed", payingMinistryId: ministry("am"), currency: "EUR", plannedEur: "50.00", status: "planned" });
    await newLine({ organizationId: b, year: 2040, kind: "assessed", payingMinistryId: zm, currency: "EUR", amount: "1.00", amountEur: "1.00", status: "cancelled" });

    await actAs(db, "zmEditor");
    expect(await prepareNextYear({ fromYear: 2040, ministryId: zm })).toEqual({ ok: true, data: { created: 2 } });
    const created = await linesOf(2041);
    expect(created.map((c) => [c.organizationId, c.kind, c.currency, c.budgetProgrammeId, c.plannedEur, c.dueDate, c.amount, c.cabinetOrder, c.status])).toEqual([
      [a, "assessed", "EUR", current!.id, "100.00", "2041-02-28", null, null, "planned"],
      [a, "voluntary", "USD", null, "172.41", null, null, null, "planned"],
    ]);
    expect((await auditOf(created.map((c) => c.id))).map((r) => (r.after as { copiedFrom: number }).copiedFrom)).toEqual([l1.id, l2.id]);

    // The rest of the year is another ministry's: the ZM editor cannot copy it, an unscoped editor can.
    expect((await refused(() => prepareNextYear({ fromYear: 2040, ministryId: ministry("am") }))).error).toBe("not_found");
    await actAs(db, "editor");
    expect(await prepareNextYear({ fromYear: 2040, ministryId: ministry("am") })).toEqual({ ok: true, data: { created: 1 } });
    const [copied] = (await linesOf(2041)).filter((c) => c.organizationId === b);
    expect(copied).toMatchObject({ plannedEur: "50.00", amountEur: null, payingMinistryId: ministry("am") });
    expect((await auditOf([copied!.id]))[0]!.after).toMatchObject({ copiedFrom: l3.id });
  });
});
