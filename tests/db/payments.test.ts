import { and, asc, desc, eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { addPayment, deletePayment, loadContributionPayments, updatePayment } from "@/app/(app)/contributions/payments/actions";
import { auditLog, contributions, currencies, exchangeRates, fiscalYears, ministries, organizations, payments, type Contribution } from "@/db/schema";
import { rowsOf } from "@/db";
import { actAs } from "../helpers/acting-user";
import { fingerprint, setupTestDatabase } from "../helpers/test-db";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/acting-user")).sessionModule);
vi.mock("@/lib/request", async (orig) => ({ ...(await orig<object>()), requestId: async () => "req-payments-test" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { db } = setupTestDatabase("demo");

/** A demo contribution by organization, year, currency (and so its paying ministry, from the demo plan). */
async function contribution(acronym: string, year: number, currency: string): Promise<Contribution> {
  const [row] = await db
    .select({ c: contributions })
    .from(contributions)
    .innerJoin(organizations, eq(organizations.id, contributions.organizationId))
    .where(and(eq(organizations.acronym, acronym), eq(contributions.year, year), eq(contributions.currency, currency)));
  if (!row) throw new Error(`no demo contribution ${acronym} ${year} ${currency}`);
  return row.c;
}
const reload = async (id: number) => (await db.select().from(contributions).where(eq(contributions.id, id)))[0]!;
const paymentsOf = (contributionId: number) => db.select().from(payments).where(eq(payments.contributionId, contributionId)).orderBy(asc(payments.id));
const ministryCode = async (id: number | null) => (await db.select({ code: ministries.code }).from(ministries).where(eq(ministries.id, id!)))[0]!.code;

/** Paid and outstanding as SQL computes them from the stored lines, independently of the grid query. */
async function sqlTotals(id: number) {
  const [row] = rowsOf<{ paid: string; outstanding: string | null }>(await db.execute(sql`
    select coalesce(sum(p.amount_eur), 0)::numeric(18,2)::text as paid,
           greatest(c.amount_eur - coalesce(sum(p.amount_eur), 0), 0)::numeric(18,2)::text as outstanding
    from contributions c left join payments p on p.contribution_id = c.id where c.id = ${id} group by c.id`));
  return row;
}

const auditsOf = (contributionId: number) =>
  db.select().from(auditLog).where(and(eq(auditLog.entity, "contributions"), eq(auditLog.entityId, String(contributionId)))).orderBy(desc(auditLog.id));

const add = (contributionId: number, overrides: Record<string, unknown> = {}) =>
  addPayment({ contributionId, paidOn: "2026-03-15", amount: "100,00", currency: "EUR", notes: "", locale: "lv", ...overrides });

function data<T>(result: { ok: true; data: T } | { ok: false; error: string; fieldErrors?: unknown }): T {
  if (!result.ok) throw new Error(`action failed: ${JSON.stringify(result)}`);
  return result.data;
}

beforeAll(async () => {
  // Signing in stamps the user's row: do it once up front, so that "nothing changed" means the action.
  for (const who of ["admin", "editor", "zmEditor", "viewer"] as const) await actAs(db, who);
});
beforeEach(async () => {
  await actAs(db, null);
});

describe("status and totals follow the payments", () => {
  it("partially paid, then paid, then back to assessed as payments come and go; paid and outstanding as SQL sums them", async () => {
    const osce = await contribution("OSCE", 2026, "EUR");
    expect(osce).toMatchObject({ status: "assessed", amountEur: "217553.00" });
    await actAs(db, "editor");

    const first = data(await add(osce.id, { amount: "100 000,00", notes: "1. daļa" }));
    expect(first.row).toMatchObject({ status: "partially_paid", paidEur: "100000.00", outstandingEur: "117553.00", paymentCount: 1 });
    expect(await sqlTotals(osce.id)).toEqual({ paid: "100000.00", outstanding: "117553.00" });
    expect(first.payments).toHaveLength(1);
    expect(first.payments[0]).toMatchObject({ paidOn: "2026-03-15", amount: "100000.00", currency: "EUR", exchangeRateId: null, rate: null, amountEur: "100000.00", notes: "1. daļa" });
    expect((await reload(osce.id)).status).toBe("partially_paid");

    const [statusChange, added] = await auditsOf(osce.id);
    // The status row is written after the payment's, so it is the newest.
    expect(statusChange).toMatchObject({ action: "status_from_payments", before: { status: "assessed" }, after: { status: "partially_paid" } });
    expect(added).toBeDefined();
    const [paymentAudit] = (await auditsOf(osce.id)).filter((a) => a.action === "add_payment");
    expect(paymentAudit!.before).toBeNull();
    expect(paymentAudit!.after).toEqual({
      payment: { id: first.payments[0]!.id, paidOn: "2026-03-15", amount: "100000.00", currency: "EUR", exchangeRateId: null, amountEur: "100000.00", notes: "1. daļa" },
    });

    const second = data(await add(osce.id, { amount: "117553", paidOn: "2026-06-01" }));
    expect(second.row).toMatchObject({ status: "paid", paidEur: "217553.00", outstandingEur: "0.00", paymentCount: 2 });
    expect(await sqlTotals(osce.id)).toEqual({ paid: "217553.00", outstanding: "0.00" });

    // Deleting brings the status back down: partially paid, then assessed once nothing is paid.
    const [p1, p2] = second.payments;
    const afterOne = data(await deletePayment({ id: p2!.id, version: p2!.version }));
    expect(afterOne.row).toMatchObject({ status: "partially_paid", paidEur: "100000.00" });
    const afterBoth = data(await deletePayment({ id: p1!.id, version: p1!.version }));
    expect(afterBoth.row).toMatchObject({ status: "assessed", paidEur: "0.00", outstandingEur: "217553.00", paymentCount: 0 });
    expect(afterBoth.payments).toEqual([]);
    expect(await paymentsOf(osce.id)).toEqual([]);
    const [deleted] = (await auditsOf(osce.id)).filter((a) => a.action === "delete_payment");
    expect(deleted).toMatchObject({ after: null, before: { payment: { id: p1!.id, amount: "100000.00", amountEur: "100000.00" } } });
  });

  it("an edit of the amount moves the status; a re-save of the same values writes nothing", async () => {
    const opcw = await contribution("OSCE", 2026, "EUR");
    await actAs(db, "editor");
    const { payments: [payment] } = data(await add(opcw.id, { amount: "217553,00" }));
    expect((await reload(opcw.id)).status).toBe("paid");

    const edit = { id: payment!.id, version: payment!.version, paidOn: payment!.paidOn, amount: "200000", currency: "EUR", notes: "", locale: "en" as const };
    const edited = data(await updatePayment(edit));
    expect(edited.row.status).toBe("partially_paid");
    expect(edited.payments[0]).toMatchObject({ amount: "200000.00", amountEur: "200000.00", version: payment!.version + 1 });
    const [updateAudit] = (await auditsOf(opcw.id)).filter((a) => a.action === "update_payment");
    expect(updateAudit).toMatchObject({ before: { payment: { amount: "217553.00" } }, after: { payment: { amount: "200000.00" } } });

    const audits = (await auditsOf(opcw.id)).length;
    const same = data(await updatePayment({ ...edit, version: payment!.version + 1 }));
    expect(same.payments[0]!.version).toBe(payment!.version + 1);
    expect((await auditsOf(opcw.id)).length).toBe(audits);

    data(await deletePayment({ id: payment!.id, version: payment!.version + 1 }));
    expect((await reload(opcw.id)).status).toBe("assessed");
  });
});

describe("conversion", () => {
  it("a USD payment uses the contribution's budget-year rate and stores that rate row; paying the billed amount clears the line", async () => {
    const fao = await contribution("FAO", 2026, "USD");
    const [rate] = await db
      .select()
      .from(exchangeRates)
      .where(and(eq(exchangeRates.currency, "USD"), eq(exchangeRates.year, 2026)))
      .orderBy(desc(exchangeRates.createdAt), desc(exchangeRates.id));
    expect(fao.exchangeRateId).toBe(rate!.id);
    await actAs(db, "zmEditor");
    // The currency left out: the contribution's own.
    const result = data(await addPayment({ contributionId: fao.id, paidOn: "2026-02-10", amount: "68 968,00", locale: "lv" }));
    expect(result.payments[0]).toMatchObject({ currency: "USD", amount: "68968.00", exchangeRateId: rate!.id, rate: "1.16000000", amountEur: fao.amountEur });
    expect(result.row).toMatchObject({ status: "paid", outstandingEur: "0.00" });
    const [stored] = await paymentsOf(fao.id);
    expect(stored).toMatchObject({ exchangeRateId: rate!.id, amountEur: "59455.17" });

    // A EUR payment has no rate row.
    const eur = data(await addPayment({ contributionId: fao.id, paidOn: "2026-02-11", amount: "10", currency: "EUR", locale: "en" }));
    expect(eur.payments.find((p) => p.currency === "EUR")).toMatchObject({ exchangeRateId: null, amountEur: "10.00" });
  });

  it("a newer rate row changes no stored payment; a correction of date or note keeps the rate row, a new amount takes the newest", async () => {
    const fao = await contribution("FAO", 2026, "USD");
    const before = await paymentsOf(fao.id);
    expect(before.length).toBeGreaterThan(0);
    const [newer] = await db.insert(exchangeRates).values({ year: 2026, currency: "USD", unitsPerEur: "1.25000000", source: "test: a correction" }).returning();
    expect(await paymentsOf(fao.id)).toEqual(before);

    await actAs(db, "zmEditor");
    const usd = before.find((p) => p.currency === "USD")!;
    const noted = data(await updatePayment({ id: usd.id, version: usd.version, paidOn: "2026-02-12", amount: "68968", currency: "USD", notes: "datums labots", locale: "lv" }));
    expect(noted.payments.find((p) => p.id === usd.id)).toMatchObject({ paidOn: "2026-02-12", exchangeRateId: usd.exchangeRateId, amountEur: usd.amountEur });

    const reamounted = data(await updatePayment({ id: usd.id, version: usd.version + 1, paidOn: "2026-02-12", amount: "125", currency: "USD", notes: "", locale: "lv" }));
    expect(reamounted.payments.find((p) => p.id === usd.id)).toMatchObject({ exchangeRateId: newer!.id, amountEur: "100.00" });
  });

  it("a currency without a rate for the year is refused under the currency field, and nothing changes", async () => {
    await db.insert(currencies).values({ code: "GBP", nameLv: "Lielbritānijas mārciņa", nameEn: "Pound sterling" }).onConflictDoNothing();
    const osce = await contribution("OSCE", 2026, "EUR");
    await actAs(db, "editor");
    const before = await fingerprint(db);
    expect(await add(osce.id, { currency: "GBP" })).toMatchObject({ ok: false, error: "invalid", fieldErrors: { currency: ["noRate"] } });
    expect(await add(osce.id, { currency: "XYZ" })).toMatchObject({ ok: false, error: "invalid", fieldErrors: { currency: ["choice"] } });
    expect(await fingerprint(db)).toEqual(before);
  });
});

describe("closed year", () => {
  afterEach(async () => {
    await db.delete(fiscalYears).where(eq(fiscalYears.year, 2025));
  });

  it("refuses add, update and delete with year_closed and changes nothing", async () => {
    const fao = await contribution("FAO", 2025, "USD");
    const [payment] = await paymentsOf(fao.id);
    await db.insert(fiscalYears).values({ year: 2025, closedAt: new Date() });
    await actAs(db, "admin");
    const before = await fingerprint(db);
    expect(await add(fao.id, { paidOn: "2025-05-01", currency: "USD" })).toMatchObject({ ok: false, error: "year_closed" });
    const edit = { id: payment!.id, version: payment!.version, paidOn: payment!.paidOn, amount: "1", currency: "USD", notes: "", locale: "en" as const };
    expect(await updatePayment(edit)).toMatchObject({ ok: false, error: "year_closed" });
    expect(await deletePayment({ id: payment!.id, version: payment!.version })).toMatchObject({ ok: false, error: "year_closed" });
    expect(await fingerprint(db)).toEqual(before);
    // Reading stays open.
    expect(data(await loadContributionPayments({ contributionId: fao.id })).payments).toHaveLength(2);
  });
});

describe("who may", () => {
  it("the ZM editor gets not_found for a contribution Ārlietu ministrija pays, and for its payments; nothing changes", async () => {
    const un = await contribution("UN", 2026, "USD");
    expect(await ministryCode(un.payingMinistryId)).toBe("am");
    const [payment] = await paymentsOf(un.id);
    await actAs(db, "zmEditor");
    const before = await fingerprint(db);
    expect(await add(un.id, { currency: "USD" })).toEqual({ ok: false, error: "not_found" });
    const edit = { id: payment!.id, version: payment!.version, paidOn: payment!.paidOn, amount: "1", currency: "USD", notes: "", locale: "en" as const };
    expect(await updatePayment(edit)).toEqual({ ok: false, error: "not_found" });
    expect(await deletePayment({ id: payment!.id, version: payment!.version })).toEqual({ ok: false, error: "not_found" });
    expect(await loadContributionPayments({ contributionId: un.id })).toEqual({ ok: false, error: "not_found" });
    // The same answer as for a record that does not exist.
    expect(await add(2_000_000_000)).toEqual({ ok: false, error: "not_found" });
    expect(await deletePayment({ id: 2_000_000_000, version: 1 })).toEqual({ ok: false, error: "not_found" });
    expect(await fingerprint(db)).toEqual(before);
  });

  it("the viewer reads but may not write: forbidden, nothing changes", async () => {
    const un = await contribution("UN", 2026, "USD");
    const [payment] = await paymentsOf(un.id);
    await actAs(db, "viewer");
    const loaded = data(await loadContributionPayments({ contributionId: un.id }));
    expect(loaded.row.id).toBe(un.id);
    expect(loaded.payments.map((p) => p.id)).toEqual([payment!.id]);
    expect(loaded.currencies).toEqual(expect.arrayContaining(["EUR", "USD", "CHF"]));
    const before = await fingerprint(db);
    expect(await add(un.id, { currency: "USD" })).toEqual({ ok: false, error: "forbidden" });
    const edit = { id: payment!.id, version: payment!.version, paidOn: payment!.paidOn, amount: "1", currency: "USD", notes: "", locale: "en" as const };
    expect(await updatePayment(edit)).toEqual({ ok: false, error: "forbidden" });
    expect(await deletePayment({ id: payment!.id, version: payment!.version })).toEqual({ ok: false, error: "forbidden" });
    expect(await fingerprint(db)).toEqual(before);
  });

  it("nobody signed in: unauthorized", async () => {
    const un = await contribution("UN", 2026, "USD");
    expect(await loadContributionPayments({ contributionId: un.id })).toEqual({ ok: false, error: "unauthorized" });
    expect(await add(un.id)).toEqual({ ok: false, error: "unauthorized" });
  });
});

describe("input", () => {
  it("a stale version answers conflict with the payment as saved, and nothing is written", async () => {
    const un = await contribution("UN", 2026, "USD");
    const [payment] = await paymentsOf(un.id);
    await actAs(db, "editor");
    const before = await fingerprint(db);
    const edit = { id: payment!.id, version: payment!.version + 1, paidOn: payment!.paidOn, amount: "1", currency: "USD", notes: "", locale: "en" as const };
    const result = await updatePayment(edit);
    expect(result).toMatchObject({ ok: false, error: "conflict", current: { id: payment!.id, version: payment!.version, amount: payment!.amount, amountEur: payment!.amountEur } });
    expect(await deletePayment({ id: payment!.id, version: payment!.version + 1 })).toMatchObject({ ok: false, error: "conflict" });
    expect(await fingerprint(db)).toEqual(before);
  });

  it("amounts that cannot be read, or read one way only, are refused under the amount field", async () => {
    const osce = await contribution("OSCE", 2026, "EUR");
    await actAs(db, "editor");
    const before = await fingerprint(db);
    const cases: [string, "lv" | "en", string][] = [
      ["abc", "lv", "amountFormat"],
      ["1.234", "lv", "amountAmbiguous"],
      ["12,5", "en", "amountAmbiguous"],
      ["1,005", "lv", "amountDecimals"],
      ["-5", "en", "amountNegative"],
      ["0", "en", "tooSmall:0.01"],
      ["", "en", "required"],
      ["12345678901234567", "en", "amountTooLarge"],
    ];
    for (const [amount, locale, message] of cases) {
      expect(await add(osce.id, { amount, locale }), `${amount} (${locale})`).toEqual({ ok: false, error: "invalid", fieldErrors: { amount: [message] } });
    }
    expect(await add(osce.id, { paidOn: "2026-02-30" })).toMatchObject({ ok: false, error: "invalid", fieldErrors: { paidOn: ["date"] } });
    expect(await add(osce.id, { paidOn: "15.03.2026" })).toMatchObject({ ok: false, error: "invalid", fieldErrors: { paidOn: ["date"] } });
    expect(await fingerprint(db)).toEqual(before);
  });

  it("keys the form does not have are refused (mass assignment), and nothing changes", async () => {
    const osce = await contribution("OSCE", 2026, "EUR");
    const un = await contribution("UN", 2026, "USD");
    const [payment] = await paymentsOf(un.id);
    await actAs(db, "editor");
    const before = await fingerprint(db);
    for (const extra of [{ amountEur: "1.00" }, { exchangeRateId: 1 }, { createdBy: 1 }, { version: 5 }, { id: 1 }, { status: "paid" }, { ministryId: 1 }]) {
      expect(await add(osce.id, extra), JSON.stringify(extra)).toMatchObject({ ok: false, error: "invalid", fieldErrors: { _form: ["unknownKeys"] } });
    }
    const edit = { id: payment!.id, version: payment!.version, paidOn: payment!.paidOn, amount: "1", currency: "USD", notes: "", locale: "en" as const };
    for (const extra of [{ contributionId: osce.id }, { amountEur: "1.00" }, { updatedBy: 1 }]) {
      expect(await updatePayment({ ...edit, ...extra }), JSON.stringify(extra)).toMatchObject({ ok: false, error: "invalid" });
    }
    expect(await fingerprint(db)).toEqual(before);
  });

  it("a cancelled contribution takes no payments", async () => {
    const cbss = await contribution("CBSS", 2026, "EUR");
    await db.update(contributions).set({ status: "cancelled" }).where(eq(contributions.id, cbss.id));
    try {
      await actAs(db, "editor");
      const before = await fingerprint(db);
      expect(await add(cbss.id)).toEqual({ ok: false, error: "invalid", fieldErrors: { _form: ["paymentCancelled"] } });
      expect(await fingerprint(db)).toEqual(before);
    } finally {
      await db.update(contributions).set({ status: cbss.status }).where(eq(contributions.id, cbss.id));
    }
  });
});
