import { and, asc, desc, eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeFiscalYear, reopenFiscalYear } from "@/app/(app)/admin/fiscal-years/actions";
import { cancelContribution, createContribution, deleteContribution, saveContributionCells } from "@/app/(app)/contributions/actions";
import { listFiscalYears } from "@/db/queries/fiscal-years";
import { auditLog, contributions, fiscalYears, ministries, organizations, payments } from "@/db/schema";
import { actAs } from "../helpers/acting-user";
import { fingerprint, setupTestDatabase } from "../helpers/test-db";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/acting-user")).sessionModule);
vi.mock("@/lib/request", async (orig) => ({ ...(await orig<object>()), requestId: async () => "req-years-test" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { db } = setupTestDatabase("demo");

const CLOSED = 2020;
const REASON = "Auditors found a missing 2020 payment";

async function lineOf(year: number, where = sql`true`) {
  const [row] = await db.select().from(contributions).where(and(eq(contributions.year, year), where)).orderBy(asc(contributions.id)).limit(1);
  if (!row) throw new Error(`no contribution in ${year}`);
  return row;
}

const lastAudit = async (year: number) =>
  (await db.select().from(auditLog).where(and(eq(auditLog.entity, "fiscal_years"), eq(auditLog.entityId, String(year)))).orderBy(desc(auditLog.id)).limit(1))[0];

/** The database's own refusal, whatever the driver wraps it in. */
async function refusedByDatabase(write: Promise<unknown>) {
  const error = await write.then(
    () => null,
    (e: unknown) => e as { message?: string; cause?: { message?: string } },
  );
  expect(error, "the write must be refused").not.toBeNull();
  expect(`${error!.message} ${error!.cause?.message ?? ""}`).toContain("is closed");
}

beforeAll(async () => {
  for (const who of ["admin", "editor", "zmEditor", "viewer"] as const) await actAs(db, who);
  await actAs(db, "admin");
  const result = await closeFiscalYear({ year: String(CLOSED) });
  if (!result.ok) throw new Error(`close failed: ${JSON.stringify(result)}`);
});
beforeEach(async () => {
  await actAs(db, null);
});

describe("closing", () => {
  it("records who closed the year and when, audited; a second close is a conflict", async () => {
    const [row] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, CLOSED));
    expect(row!.closedAt).not.toBeNull();
    const audit = await lastAudit(CLOSED);
    expect(audit).toMatchObject({ action: "close", before: { closedAt: null, closedBy: null, reason: null } });
    expect(audit!.after).toMatchObject({ closedAt: row!.closedAt!.toISOString(), closedBy: row!.closedBy, reason: null });

    const years = await listFiscalYears();
    const listed = years.find((y) => y.year === CLOSED)!;
    expect(listed).toMatchObject({ closedByName: "Demo administrators" });
    expect(listed.closedAt).toBe(row!.closedAt!.toISOString());
    const [counts] = await db
      .select({ n: sql<number>`count(*)::int`, eur: sql<string>`coalesce(sum(amount_eur) filter (where status <> 'cancelled'), 0)::numeric(18,2)::text` })
      .from(contributions)
      .where(eq(contributions.year, CLOSED));
    expect(listed).toMatchObject({ contributionCount: counts!.n, amountEur: counts!.eur });
    expect(listed.paymentCount).toBeGreaterThan(0);
    expect(years.find((y) => y.year === 2021)).toMatchObject({ closedAt: null, closedByName: null });
    expect(years.map((y) => y.year)).toEqual([...years.map((y) => y.year)].sort((a, b) => b - a));

    await actAs(db, "admin");
    const before = await fingerprint(db);
    expect(await closeFiscalYear({ year: String(CLOSED) })).toMatchObject({ ok: false, error: "conflict" });
    expect(await fingerprint(db)).toEqual(before);
  });

  it("makes the year refuse every contribution write through the actions, changing nothing", async () => {
    const line = await lineOf(CLOSED);
    const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, line.organizationId));
    const [am] = await db.select({ id: ministries.id }).from(ministries).where(eq(ministries.code, "am"));
    await actAs(db, "editor");
    const before = await fingerprint(db);
    expect(await saveContributionCells({ locale: "lv", cells: [{ id: line.id, version: line.version, field: "cabinetOrder", value: "MK rīkojums Nr. 1" }] })).toEqual({
      ok: false,
      error: "year_closed",
    });
    expect(await saveContributionCells({ locale: "lv", cells: [{ id: line.id, version: line.version, field: "amount", value: "1 234,56" }] })).toEqual({
      ok: false,
      error: "year_closed",
    });
    expect(
      await createContribution({ year: String(CLOSED), organizationId: String(org!.id), kind: "voluntary", payingMinistryId: String(am!.id), budgetProgrammeId: "", currency: "EUR" }),
    ).toEqual({ ok: false, error: "year_closed" });
    expect(await cancelContribution({ id: line.id, version: line.version })).toEqual({ ok: false, error: "year_closed" });
    expect(await deleteContribution({ id: line.id, version: line.version })).toEqual({ ok: false, error: "year_closed" });
    expect(await fingerprint(db)).toEqual(before);
  });

  it("makes the database itself refuse writes to the year's contributions and payments", async () => {
    const line = await lineOf(CLOSED);
    const [payment] = await db
      .select()
      .from(payments)
      .innerJoin(contributions, eq(contributions.id, payments.contributionId))
      .where(eq(contributions.year, CLOSED))
      .limit(1);
    const open = await lineOf(2021);
    const before = await fingerprint(db);
    // Not only the money: a note is refused too.
    await refusedByDatabase(db.update(contributions).set({ notes: "changed behind the app" }).where(eq(contributions.id, line.id)));
    await refusedByDatabase(db.update(contributions).set({ year: 2021 }).where(eq(contributions.id, line.id)));
    await refusedByDatabase(db.update(contributions).set({ year: CLOSED }).where(eq(contributions.id, open.id)));
    await refusedByDatabase(db.delete(contributions).where(eq(contributions.id, line.id)));
    await refusedByDatabase(
      db.insert(contributions).values({ organizationId: line.organizationId, year: CLOSED, kind: "voluntary", status: "planned" }),
    );
    await refusedByDatabase(db.update(payments).set({ notes: "changed behind the app" }).where(eq(payments.id, payment!.payments.id)));
    await refusedByDatabase(db.delete(payments).where(eq(payments.id, payment!.payments.id)));
    await refusedByDatabase(
      db.insert(payments).values({ contributionId: line.id, paidOn: `${CLOSED}-06-01`, amount: "1.00", currency: "EUR", amountEur: "1.00" }),
    );
    expect(await fingerprint(db)).toEqual(before);

    // An open year's rows are written as before.
    const [changed] = await db.update(contributions).set({ notes: `${open.notes ?? ""} ` }).where(eq(contributions.id, open.id)).returning();
    expect(changed!.notes).toBe(`${open.notes ?? ""} `);
  });

  it("makes a close wait for a write that holds the year", async () => {
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const hasLock = new Promise<void>((resolve) => (locked = resolve));
    // A writer in 2023: the trigger takes the year's row `for share` (a row exists once the year was touched).
    await db.insert(fiscalYears).values({ year: 2023 }).onConflictDoNothing();
    const writer = db.transaction(async (tx) => {
      const line = (await tx.select().from(contributions).where(eq(contributions.year, 2023)).limit(1))[0]!;
      await tx.update(contributions).set({ notes: line.notes }).where(eq(contributions.id, line.id));
      locked();
      await held;
      order.push("write committed");
    });
    await hasLock;
    await actAs(db, "admin");
    const closing = closeFiscalYear({ year: "2023" }).then((result) => {
      order.push("closed");
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    order.push("released");
    release();
    await writer;
    expect((await closing).ok).toBe(true);
    expect(order).toEqual(["released", "write committed", "closed"]);
  });
});

describe("reopening", () => {
  it("needs a reason of at least 10 characters, keeps it in the audit row, and opens the year again", async () => {
    await actAs(db, "admin");
    const before = await fingerprint(db);
    expect(await reopenFiscalYear({ year: String(CLOSED), reason: "" })).toMatchObject({ ok: false, error: "invalid", fieldErrors: { reason: ["tooShort:10"] } });
    expect(await reopenFiscalYear({ year: String(CLOSED), reason: "  too short " })).toMatchObject({ ok: false, error: "invalid", fieldErrors: { reason: ["tooShort:10"] } });
    expect(await reopenFiscalYear({ year: String(CLOSED) })).toMatchObject({ ok: false, error: "invalid", fieldErrors: { reason: ["required"] } });
    expect(await reopenFiscalYear({ year: "2021", reason: REASON })).toMatchObject({ ok: false, error: "conflict" });
    expect(await fingerprint(db)).toEqual(before);

    const [closed] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, CLOSED));
    expect(await reopenFiscalYear({ year: String(CLOSED), reason: `  ${REASON}  ` })).toEqual({ ok: true, data: { year: CLOSED } });
    const [row] = await db.select().from(fiscalYears).where(eq(fiscalYears.year, CLOSED));
    expect(row).toMatchObject({ closedAt: null, closedBy: null });
    const audit = await lastAudit(CLOSED);
    expect(audit).toMatchObject({
      action: "reopen",
      before: { closedAt: closed!.closedAt!.toISOString(), closedBy: closed!.closedBy, reason: null },
      after: { closedAt: null, closedBy: null, reason: REASON },
    });

    // Writable again, through the actions.
    const line = await lineOf(CLOSED);
    await actAs(db, "editor");
    const saved = await saveContributionCells({ locale: "lv", cells: [{ id: line.id, version: line.version, field: "cabinetOrder", value: "MK rīkojums Nr. 2" }] });
    expect(saved).toMatchObject({ ok: true });
  });
});

describe("access", () => {
  it("gives every non-admin 'forbidden' and changes nothing", async () => {
    const before = await fingerprint(db);
    for (const who of ["editor", "zmEditor", "viewer"] as const) {
      await actAs(db, who);
      expect(await closeFiscalYear({ year: "2024" })).toEqual({ ok: false, error: "forbidden" });
      expect(await reopenFiscalYear({ year: "2023", reason: REASON })).toEqual({ ok: false, error: "forbidden" });
    }
    await actAs(db, null);
    expect(await closeFiscalYear({ year: "2024" })).toEqual({ ok: false, error: "unauthorized" });
    expect(await fingerprint(db)).toEqual(before);
  });
});
