import { and, count, desc, eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { cancelContribution, createContribution, deleteContribution, saveContributionCells } from "@/app/(app)/contributions/actions";
import type { SaveCellsInput } from "@/app/(app)/contributions/schemas";
import { parseGridQuery } from "@/app/(app)/contributions/search-params";
import { rowsOf } from "@/db";
import { listYearContributions, yearGridPacked } from "@/db/queries/contributions";
import { unpackRows } from "@/lib/packed";
import { auditLog, budgetProgrammes, contributions, exchangeRates, fiscalYears, ministries, organizations, payments } from "@/db/schema";
import { toEur } from "@/lib/money";
import { actAs } from "../helpers/acting-user";
import { fingerprint, setupTestDatabase } from "../helpers/test-db";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/acting-user")).sessionModule);
vi.mock("@/lib/request", async (orig) => ({ ...(await orig<object>()), requestId: async () => "req-contributions-test" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { db } = setupTestDatabase("demo");
const YEAR = 2026;

const ministryIds = new Map<string, number>();
const ministry = (code: string) => ministryIds.get(code)!;
const organizationId = async (acronym: string) => (await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.acronym, acronym)))[0]!.id;
const row = async (id: number) => (await db.select().from(contributions).where(eq(contributions.id, id)))[0]!;
const auditCount = async (id: number) =>
  (await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entity, "contributions"), eq(auditLog.entityId, String(id)))))[0]!.n;

/** A fresh line of the test's own (planned, no amount) paid by the ministry, in an open year. */
async function newLine(code = "am", values: Partial<typeof contributions.$inferInsert> = {}) {
  const [created] = await db
    .insert(contributions)
    .values({ organizationId: await organizationId("OSCE"), year: YEAR, kind: "voluntary", payingMinistryId: ministry(code), currency: "EUR", ...values })
    .returning();
  return created!;
}

const save = (cells: SaveCellsInput["cells"], locale: "lv" | "en" = "lv", undo?: boolean) => saveContributionCells({ locale, cells, undo });

async function refused(work: () => Promise<unknown>) {
  const before = await fingerprint(db);
  const result = (await work()) as { ok: boolean; error?: string; fieldErrors?: Record<string, string[]> };
  expect(result.ok).toBe(false);
  expect(await fingerprint(db)).toEqual(before);
  return result;
}

beforeAll(async () => {
  for (const m of await db.select({ id: ministries.id, code: ministries.code }).from(ministries)) ministryIds.set(m.code, m.id);
  for (const who of ["admin", "editor", "zmEditor", "viewer"] as const) await actAs(db, who);
});
beforeEach(async () => {
  await actAs(db, null);
});

describe("the year grid query", () => {
  it("lists the year's lines with paid and outstanding from the payments, totals equal to SQL sums", async () => {
    const rows = await listYearContributions({ year: YEAR });
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => r.year === YEAR)).toBe(true);
    const [sums] = rowsOf<{ eur: string; paid: string }>(
      await db.execute(sql`select coalesce(sum(amount_eur), 0)::numeric(18,2)::text as eur,
        (select coalesce(sum(p.amount_eur), 0)::numeric(18,2)::text from payments p join contributions c on c.id = p.contribution_id where c.year = ${YEAR}) as paid
        from contributions where year = ${YEAR}`),
    );
    const { sumMoney } = await import("@/lib/money");
    expect(sumMoney(rows.map((r) => r.amountEur))).toBe(sums!.eur);
    expect(sumMoney(rows.map((r) => r.paidEur))).toBe(sums!.paid);
    for (const r of rows.filter((r) => r.amountEur !== null && r.status !== "cancelled")) {
      const { toDecimal } = await import("@/lib/money");
      const expected = toDecimal(r.amountEur!).minus(r.paidEur);
      expect(r.outstandingEur).toBe((expected.isNegative() ? toDecimal("0") : expected).toFixed(2));
    }
  });

  it("sends the page the very rows of the drizzle path, packed from the driver's arrays", async () => {
    const some = await listYearContributions({ year: YEAR });
    expect(some.some((r) => r.dueDate !== null && r.amount !== null && r.rate !== null)).toBe(true);
    for (const args of [{ year: YEAR }, { year: YEAR, scopeMinistryId: ministry("zm") }, { year: YEAR, filters: { q: "unesco" } }, { year: 1999 }]) {
      const packed = await yearGridPacked(args);
      const rows = await listYearContributions(args);
      expect(unpackRows(packed.rows)).toEqual(rows);
      expect(packed.count).toBe(rows.length);
    }
  });

  it("applies the scope and the filters", async () => {
    const zm = await listYearContributions({ year: YEAR, scopeMinistryId: ministry("zm") });
    expect(zm.length).toBeGreaterThan(0);
    expect(zm.every((r) => r.payingMinistryId === ministry("zm"))).toBe(true);
    const usd = await listYearContributions({ year: YEAR, filters: { currency: "USD", kind: "assessed" } });
    expect(usd.every((r) => r.currency === "USD" && r.kind === "assessed")).toBe(true);
    const q = await listYearContributions({ year: YEAR, filters: { q: "unesco" } });
    expect(new Set(q.map((r) => r.acronym))).toEqual(new Set(["UNESCO"]));
  });

  it("reads the URL defensively", () => {
    expect(parseGridQuery({ year: "1800", status: "bogus", currency: "usd", ministry: "-3", org: "12" }, 2026)).toMatchObject({
      year: 2026,
      status: null,
      currency: "USD",
      ministryId: null,
      organizationId: 12,
    });
  });
});

describe("saving cells", () => {
  it("converts a foreign amount with the year's newest rate, records the rate row and audits before and after", async () => {
    const line = await newLine("am", { currency: "USD" });
    await actAs(db, "editor");
    const result = await save([{ id: line.id, version: line.version, field: "amount", value: "1 234,56" }]);
    expect(result.ok).toBe(true);
    const [rate] = await db
      .select()
      .from(exchangeRates)
      .where(and(eq(exchangeRates.currency, "USD"), eq(exchangeRates.year, YEAR)))
      .orderBy(desc(exchangeRates.createdAt), desc(exchangeRates.id))
      .limit(1);
    const after = await row(line.id);
    expect(after).toMatchObject({ amount: "1234.56", exchangeRateId: rate!.id, amountEur: toEur("1234.56", rate!.unitsPerEur), version: line.version + 1 });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entity, "contributions"), eq(auditLog.entityId, String(line.id))));
    expect(entry).toMatchObject({ action: "update", before: { amount: null, amountEur: null, exchangeRateId: null }, after: { amount: "1234.56" } });
    if (result.ok) expect(result.data.rows[0]).toMatchObject({ id: line.id, amount: "1234.56", rate: rate!.unitsPerEur });
  });

  it("reads amounts in the user's locale and refuses what can be read two ways", async () => {
    const line = await newLine();
    await actAs(db, "editor");
    expect((await save([{ id: line.id, version: line.version, field: "amount", value: "1,234.50" }], "en")).ok).toBe(true);
    expect((await row(line.id)).amount).toBe("1234.50");
    const again = await row(line.id);
    const ambiguous = await refused(() => save([{ id: again.id, version: again.version, field: "amount", value: "1.234" }], "lv"));
    expect(ambiguous).toMatchObject({ error: "invalid", fieldErrors: { "cells.0": ["amountAmbiguous"] } });
    const decimals = await refused(() => save([{ id: again.id, version: again.version, field: "plannedEur", value: "12,345" }], "lv"));
    expect(decimals.fieldErrors).toEqual({ "cells.0": ["amountDecimals"] });
  });

  it("lets exactly one of 20 concurrent saves with the same version through", async () => {
    const line = await newLine();
    await actAs(db, "editor");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => save([{ id: line.id, version: line.version, field: "plannedEur", value: `${100 + i},00` }])),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === "conflict")).toBe(true);
    const after = await row(line.id);
    expect(after.version).toBe(line.version + 1);
    expect(await auditCount(line.id)).toBe(1);
    const conflict = results.find((r) => !r.ok) as { current?: { rows: { id: number; plannedEur: string; updatedByName: string }[] } };
    expect(conflict.current?.rows[0]).toMatchObject({ id: line.id, plannedEur: after.plannedEur, updatedByName: expect.any(String) });
  });

  it("refuses a pasted block with one bad cell as a whole: nothing changes, no audit row", async () => {
    const a = await newLine();
    const b = await newLine();
    await actAs(db, "editor");
    const auditBefore = (await db.select({ n: count() }).from(auditLog))[0]!.n;
    const result = await refused(() =>
      save([
        { id: a.id, version: a.version, field: "amount", value: "100" },
        { id: a.id, version: a.version, field: "dueDate", value: "31.03.2026" },
        { id: b.id, version: b.version, field: "amount", value: "200" },
        { id: b.id, version: b.version, field: "dueDate", value: "31.02.2026" },
      ]),
    );
    expect(result).toMatchObject({ error: "invalid", fieldErrors: { "cells.3": ["date"] } });
    expect((await db.select({ n: count() }).from(auditLog))[0]!.n).toBe(auditBefore);

    const ok = await save([
      { id: a.id, version: a.version, field: "amount", value: "100" },
      { id: a.id, version: a.version, field: "dueDate", value: "31.03.2026" },
      { id: b.id, version: b.version, field: "amount", value: "200" },
    ]);
    expect(ok.ok).toBe(true);
    expect(await row(a.id)).toMatchObject({ amount: "100.00", amountEur: "100.00", dueDate: "2026-03-31", version: a.version + 1 });
    // One audit row per line, not per cell.
    expect(await auditCount(a.id)).toBe(1);
  });

  it("checks values against the row: the paying ministry's programme, a rate for the year, statuses the payments decide", async () => {
    const line = await newLine("am");
    await actAs(db, "editor");
    const [zmProgramme] = await db.select().from(budgetProgrammes).where(eq(budgetProgrammes.ministryId, ministry("zm")));
    const wrongProgramme = await refused(() => save([{ id: line.id, version: line.version, field: "budgetProgrammeId", value: String(zmProgramme!.id) }]));
    expect(wrongProgramme.fieldErrors).toEqual({ "cells.0": ["programmeMinistry"] });
    const noRate = await refused(() =>
      save([
        { id: line.id, version: line.version, field: "currency", value: "GBP" },
        { id: line.id, version: line.version, field: "amount", value: "10" },
      ]),
    );
    expect(noRate.fieldErrors?.["cells.0"]).toEqual(["choice"]);
    // USD budget rates start in 2014: a 2012 USD amount has nothing to be converted with.
    const old = await newLine("am", { year: 2012, currency: "USD" });
    expect((await refused(() => save([{ id: old.id, version: old.version, field: "amount", value: "10" }]))).fieldErrors).toEqual({ "cells.0": ["noRate"] });
    const paid = await refused(() => save([{ id: line.id, version: line.version, field: "status", value: "paid" }]));
    expect(paid.fieldErrors).toEqual({ "cells.0": ["statusDerived"] });
    // Moving the line to another ministry drops the old ministry's programme with it.
    const [amProgramme] = await db.select().from(budgetProgrammes).where(eq(budgetProgrammes.ministryId, ministry("am")));
    const withProgramme = await save([{ id: line.id, version: line.version, field: "budgetProgrammeId", value: String(amProgramme!.id) }]);
    expect(withProgramme.ok).toBe(true);
    const current = await row(line.id);
    expect((await save([{ id: line.id, version: current.version, field: "payingMinistryId", value: String(ministry("zm")) }])).ok).toBe(true);
    expect(await row(line.id)).toMatchObject({ payingMinistryId: ministry("zm"), budgetProgrammeId: null });
  });

  it("derives the status from the payments when the amount changes", async () => {
    const line = await newLine("am", { amount: "100.00", amountEur: "100.00", status: "assessed" });
    await db.insert(payments).values({ contributionId: line.id, paidOn: "2026-02-01", amount: "100.00", currency: "EUR", amountEur: "100.00" });
    await actAs(db, "editor");
    expect((await save([{ id: line.id, version: line.version, field: "amount", value: "150" }])).ok).toBe(true);
    expect((await row(line.id)).status).toBe("partially_paid");
    const cleared = await refused(async () => save([{ id: line.id, version: (await row(line.id)).version, field: "amount", value: "" }]));
    expect(cleared.fieldErrors).toEqual({ "cells.0": ["amountHasPayments"] });
  });

  it("records an undo as its own audited change", async () => {
    const line = await newLine();
    await actAs(db, "editor");
    await save([{ id: line.id, version: line.version, field: "cabinetOrder", value: "MK rīkojums Nr. 1" }]);
    const r = await save([{ id: line.id, version: line.version + 1, field: "cabinetOrder", value: "" }], "lv", true);
    expect(r.ok).toBe(true);
    const [last] = await db.select().from(auditLog).where(and(eq(auditLog.entity, "contributions"), eq(auditLog.entityId, String(line.id)))).orderBy(desc(auditLog.id)).limit(1);
    expect(last).toMatchObject({ action: "undo", before: { cabinetOrder: "MK rīkojums Nr. 1" }, after: { cabinetOrder: null } });
  });

  it("keeps ministry-scoped editors to their own lines, viewers to reading, and refuses unknown keys", async () => {
    const am = await newLine("am");
    const zm = await newLine("zm");
    await actAs(db, "zmEditor");
    expect(await refused(() => save([{ id: am.id, version: am.version, field: "plannedEur", value: "1" }]))).toMatchObject({ error: "not_found" });
    // Mixing in one of theirs does not help, nor does moving their own line to another ministry.
    expect(
      await refused(() =>
        save([
          { id: zm.id, version: zm.version, field: "plannedEur", value: "1" },
          { id: am.id, version: am.version, field: "plannedEur", value: "1" },
        ]),
      ),
    ).toMatchObject({ error: "not_found" });
    expect(await refused(() => save([{ id: zm.id, version: zm.version, field: "payingMinistryId", value: String(ministry("am")) }]))).toMatchObject({ error: "not_found" });
    expect((await save([{ id: zm.id, version: zm.version, field: "plannedEur", value: "1" }])).ok).toBe(true);
    await actAs(db, "viewer");
    expect(await refused(() => save([{ id: am.id, version: am.version, field: "plannedEur", value: "1" }]))).toMatchObject({ error: "forbidden" });
    await actAs(db, "editor");
    expect(
      await refused(() => saveContributionCells({ locale: "lv", cells: [{ id: am.id, version: am.version, field: "plannedEur", value: "1", payingMinistryId: 1 }] } as never)),
    ).toMatchObject({ error: "invalid" });
    expect(await refused(() => saveContributionCells({ locale: "lv", cells: [{ id: am.id, version: am.version, field: "version", value: "9" }] } as never))).toMatchObject({
      error: "invalid",
    });
  });

  it("refuses every write to a closed year", async () => {
    const line = await newLine("am", { year: 2024 });
    await db.insert(fiscalYears).values({ year: 2024, closedAt: new Date() }).onConflictDoUpdate({ target: fiscalYears.year, set: { closedAt: new Date() } });
    try {
      await actAs(db, "admin");
      expect(await refused(() => save([{ id: line.id, version: line.version, field: "plannedEur", value: "5" }]))).toMatchObject({ error: "year_closed" });
      expect(await refused(() => cancelContribution({ id: line.id, version: line.version }))).toMatchObject({ error: "year_closed" });
      expect(await refused(() => deleteContribution({ id: line.id, version: line.version }))).toMatchObject({ error: "year_closed" });
      const org = await organizationId("OSCE");
      expect(
        await refused(() => createContribution({ year: "2024", organizationId: String(org), kind: "assessed", payingMinistryId: String(ministry("am")), budgetProgrammeId: "", currency: "EUR" })),
      ).toMatchObject({ error: "year_closed" });
    } finally {
      await db.update(fiscalYears).set({ closedAt: null }).where(eq(fiscalYears.year, 2024));
    }
  });
});

describe("lines", () => {
  it("adds a planned line with the chosen values and an audit row", async () => {
    await actAs(db, "zmEditor");
    const org = await organizationId("FAO");
    const result = await createContribution({ year: String(YEAR), organizationId: String(org), kind: "voluntary", payingMinistryId: String(ministry("zm")), budgetProgrammeId: "", currency: "USD" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.row).toMatchObject({ organizationId: org, kind: "voluntary", payingMinistryId: ministry("zm"), currency: "USD", status: "planned", amount: null });
    expect(await auditCount(result.data.row.id)).toBe(1);
    // A scoped editor adds only what their ministry pays.
    expect(
      await refused(() => createContribution({ year: String(YEAR), organizationId: String(org), kind: "voluntary", payingMinistryId: String(ministry("am")), budgetProgrammeId: "", currency: "USD" })),
    ).toMatchObject({ error: "not_found" });
  });

  it("cancels a line without payments and deletes only planned lines without payments", async () => {
    await actAs(db, "editor");
    const planned = await newLine();
    const assessed = await newLine("am", { status: "assessed", amount: "10.00", amountEur: "10.00" });
    const withPayment = await newLine("am", { status: "assessed", amount: "10.00", amountEur: "10.00" });
    await db.insert(payments).values({ contributionId: withPayment.id, paidOn: "2026-02-01", amount: "5.00", currency: "EUR", amountEur: "5.00" });

    expect(await refused(() => deleteContribution({ id: assessed.id, version: assessed.version }))).toMatchObject({ fieldErrors: { _form: ["deleteNotPlanned"] } });
    expect(await refused(() => cancelContribution({ id: withPayment.id, version: withPayment.version }))).toMatchObject({ fieldErrors: { _form: ["cancelHasPayments"] } });
    expect(await refused(() => deleteContribution({ id: planned.id, version: planned.version + 1 }))).toMatchObject({ error: "conflict" });

    const cancelled = await cancelContribution({ id: assessed.id, version: assessed.version });
    expect(cancelled.ok && cancelled.data.row.status).toBe("cancelled");
    expect((await deleteContribution({ id: planned.id, version: planned.version })).ok).toBe(true);
    expect(await db.select().from(contributions).where(eq(contributions.id, planned.id))).toHaveLength(0);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entity, "contributions"), eq(auditLog.entityId, String(planned.id)), eq(auditLog.action, "delete")));
    expect(entry?.after).toBeNull();
  });
});
