import { and, asc, count, desc, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { addCurrency, addExchangeRate, recalculateExchangeYear, setCurrencyActive } from "@/app/(app)/admin/exchange-rates/actions";
import { parseRate } from "@/app/(app)/admin/exchange-rates/schemas";
import { exchangeRatesTableSpec } from "@/app/(app)/admin/exchange-rates/search-params";
import { closeFiscalYear } from "@/app/(app)/admin/fiscal-years/actions";
import { parseTableQuery } from "@/components/data-table/spec";
import { rateFor } from "@/db/queries/contributions";
import { listCurrencies, listExchangeRates, staleCounts } from "@/db/queries/exchange-rates";
import { auditLog, contributions, currencies, exchangeRates, payments } from "@/db/schema";
import { toEur } from "@/lib/money";
import { actAs } from "../helpers/acting-user";
import { fingerprint, setupTestDatabase } from "../helpers/test-db";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/acting-user")).sessionModule);
vi.mock("@/lib/request", async (orig) => ({ ...(await orig<object>()), requestId: async () => "req-rates-test" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { db } = setupTestDatabase("demo");

const rateInput = (overrides: Record<string, unknown> = {}) => ({
  locale: "en",
  year: "2024",
  currency: "USD",
  rate: "1.0900",
  source: "ECB, corrected annual average",
  ...overrides,
});

/** The year's lines and payments in a currency, with everything a conversion stores. */
async function conversions(year: number, currency: string) {
  const lines = await db
    .select({ id: contributions.id, amount: contributions.amount, amountEur: contributions.amountEur, exchangeRateId: contributions.exchangeRateId, version: contributions.version })
    .from(contributions)
    .where(and(eq(contributions.year, year), eq(contributions.currency, currency)))
    .orderBy(asc(contributions.id));
  const pays = await db
    .select({ id: payments.id, contributionId: payments.contributionId, amount: payments.amount, amountEur: payments.amountEur, exchangeRateId: payments.exchangeRateId, version: payments.version })
    .from(payments)
    .innerJoin(contributions, eq(contributions.id, payments.contributionId))
    .where(and(eq(contributions.year, year), eq(payments.currency, currency)))
    .orderBy(asc(payments.id));
  return { lines, pays };
}

const moneyTables = async () => {
  const f = await fingerprint(db);
  return { contributions: f.contributions, payments: f.payments };
};

beforeAll(async () => {
  for (const who of ["admin", "editor", "zmEditor", "viewer"] as const) await actAs(db, who);
});
beforeEach(async () => {
  await actAs(db, null);
});

describe("rate text", () => {
  it("reads a rate in the user's locale, with up to 8 decimals", () => {
    expect(parseRate("1,0824", "lv")).toEqual({ ok: true, value: "1.0824" });
    expect(parseRate("1.0824", "en")).toEqual({ ok: true, value: "1.0824" });
    // A dot that cannot group thousands is the decimal point of an English-formatted sheet.
    expect(parseRate("1.0824", "lv")).toEqual({ ok: true, value: "1.0824" });
    expect(parseRate("0,702804", "lv")).toEqual({ ok: true, value: "0.702804" });
    expect(parseRate("1 455,12345678", "lv")).toEqual({ ok: true, value: "1455.12345678" });
    expect(parseRate("160", "en")).toEqual({ ok: true, value: "160.00" });
  });

  it("refuses what could be read two ways, and what no rate is", () => {
    expect(parseRate("1.082", "lv")).toEqual({ ok: false, message: "amountAmbiguous" });
    expect(parseRate("1,0824", "en")).toEqual({ ok: false, message: "amountAmbiguous" });
    expect(parseRate("1,123456789", "lv")).toEqual({ ok: false, message: "rateDecimals" });
    expect(parseRate("12345678901", "en")).toEqual({ ok: false, message: "rateTooLarge" });
    expect(parseRate("0", "en")).toEqual({ ok: false, message: "ratePositive" });
    expect(parseRate("0,00000000", "lv")).toEqual({ ok: false, message: "ratePositive" });
    expect(parseRate("-1.1", "en")).toEqual({ ok: false, message: "amountNegative" });
    expect(parseRate("1e3", "en")).toEqual({ ok: false, message: "amountFormat" });
  });
});

describe("adding a rate", () => {
  it("stores a new row, audited, and changes no stored conversion", async () => {
    const before = await moneyTables();
    const old = await rateFor(db, "USD", 2024);
    await actAs(db, "admin");
    const result = await addExchangeRate(rateInput({ locale: "lv", rate: "1,0901" }));
    expect(result).toMatchObject({ ok: true });
    const id = (result as { data: { id: number } }).data.id;
    const [row] = await db.select().from(exchangeRates).where(eq(exchangeRates.id, id));
    expect(row).toMatchObject({ year: 2024, currency: "USD", unitsPerEur: "1.09010000", source: "ECB, corrected annual average" });
    expect(row!.enteredBy).not.toBeNull();
    expect(await moneyTables()).toEqual(before);
    // The old row stays, superseded; the new one is what a conversion takes from now on.
    expect(old).not.toBeNull();
    expect((await rateFor(db, "USD", 2024))!.id).toBe(id);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entity, "exchange_rates"), eq(auditLog.entityId, String(id))));
    expect(audit).toMatchObject({ action: "create", before: null, requestId: "req-rates-test" });
    expect(audit!.after).toMatchObject({ year: 2024, currency: "USD", unitsPerEur: "1.09010000" });

    const listed = await listExchangeRates({ query: parseTableQuery(exchangeRatesTableSpec, { currency: "USD", year: "2024" }) });
    expect(listed.total).toBe(2);
    expect(listed.rows.map((r) => [r.id, r.inUse])).toEqual([
      [id, true],
      [old!.id, false],
    ]);
  });

  it("refuses an ambiguous rate, EUR and an unknown currency, writing nothing", async () => {
    await actAs(db, "admin");
    const before = await fingerprint(db);
    expect(await addExchangeRate(rateInput({ locale: "lv", rate: "1.082" }))).toMatchObject({ ok: false, error: "invalid", fieldErrors: { rate: ["amountAmbiguous"] } });
    expect(await addExchangeRate(rateInput({ rate: "0" }))).toMatchObject({ ok: false, error: "invalid", fieldErrors: { rate: ["ratePositive"] } });
    expect(await addExchangeRate(rateInput({ source: " " }))).toMatchObject({ ok: false, error: "invalid", fieldErrors: { source: ["required"] } });
    expect(await addExchangeRate(rateInput({ currency: "EUR" }))).toMatchObject({ ok: false, error: "invalid", fieldErrors: { currency: ["rateEur"] } });
    expect(await addExchangeRate(rateInput({ currency: "XYZ" }))).toMatchObject({ ok: false, error: "invalid", fieldErrors: { currency: ["choice"] } });
    expect(await addExchangeRate(rateInput({ year: "1989" }))).toMatchObject({ ok: false, error: "invalid", fieldErrors: { year: ["year"] } });
    expect(await addExchangeRate({ ...rateInput(), unitsPerEur: "1.5" })).toMatchObject({ ok: false, error: "invalid" });
    expect(await fingerprint(db)).toEqual(before);
  });
});

describe("recalculating a year", () => {
  it("changes exactly the lines and payments converted with an older row, with audit rows", async () => {
    await actAs(db, "admin");
    const added = await addExchangeRate(rateInput({ year: "2023", rate: "1.1000" }));
    expect(added.ok).toBe(true);
    const rate = (await rateFor(db, "USD", 2023))!;
    const before = await conversions(2023, "USD");
    const chfBefore = await conversions(2023, "CHF");
    const otherYears = await conversions(2022, "USD");
    const stale = before.lines.filter((l) => l.amount !== null);
    expect(stale.length).toBeGreaterThan(0);
    expect(before.pays.length).toBeGreaterThan(0);
    expect(await staleCounts({ year: 2023, currency: "USD" })).toEqual([
      { currency: "USD", rateId: rate.id, unitsPerEur: rate.unitsPerEur, contributions: stale.length, payments: before.pays.length },
    ]);
    const auditBefore = (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "recalculate")))[0]!.n;

    const result = await recalculateExchangeYear({ year: "2023", currency: "USD" });
    expect(result).toEqual({ ok: true, data: { contributions: stale.length, payments: before.pays.length } });

    const after = await conversions(2023, "USD");
    for (const line of stale) {
      const now = after.lines.find((l) => l.id === line.id)!;
      expect(now).toMatchObject({ exchangeRateId: rate.id, amountEur: toEur(line.amount!, "1.1"), version: line.version + 1 });
    }
    for (const pay of before.pays) {
      const now = after.pays.find((p) => p.id === pay.id)!;
      expect(now).toMatchObject({ exchangeRateId: rate.id, amountEur: toEur(pay.amount, "1.1"), version: pay.version + 1 });
    }
    // Other currencies and other years are untouched.
    expect(await conversions(2023, "CHF")).toEqual(chfBefore);
    expect(await conversions(2022, "USD")).toEqual(otherYears);

    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "recalculate")).orderBy(desc(auditLog.id));
    expect(audits.length - auditBefore).toBe(stale.length + before.pays.length);
    const lineAudit = audits.find((a) => a.entityId === String(stale[0]!.id) && !(a.after as { payment?: unknown }).payment)!;
    expect(lineAudit).toMatchObject({
      entity: "contributions",
      before: { amountEur: stale[0]!.amountEur, exchangeRateId: stale[0]!.exchangeRateId },
      after: { amountEur: toEur(stale[0]!.amount!, "1.1"), exchangeRateId: rate.id },
    });
    const payAudit = audits.find((a) => (a.after as { payment?: { id: number } }).payment?.id === before.pays[0]!.id)!;
    expect(payAudit).toMatchObject({
      entity: "contributions",
      entityId: String(before.pays[0]!.contributionId),
      before: { payment: { id: before.pays[0]!.id, amountEur: before.pays[0]!.amountEur, exchangeRateId: before.pays[0]!.exchangeRateId } },
      after: { payment: { id: before.pays[0]!.id, amountEur: toEur(before.pays[0]!.amount, "1.1"), exchangeRateId: rate.id } },
    });

    // Nothing is stale any more: a second run changes nothing.
    expect((await staleCounts({ year: 2023, currency: "USD" }))[0]).toMatchObject({ contributions: 0, payments: 0 });
    const unchanged = await fingerprint(db);
    expect(await recalculateExchangeYear({ year: "2023", currency: "" })).toEqual({ ok: true, data: { contributions: 0, payments: 0 } });
    expect(await fingerprint(db)).toEqual(unchanged);
  });

  it("keeps the statuses following the payments", async () => {
    await actAs(db, "admin");
    // A much weaker dollar: lines paid in full stay paid (payments convert with the same row).
    expect((await addExchangeRate(rateInput({ year: "2021", rate: "2" }))).ok).toBe(true);
    const statuses = async () =>
      db.select({ id: contributions.id, status: contributions.status }).from(contributions).where(and(eq(contributions.year, 2021), eq(contributions.currency, "USD"))).orderBy(asc(contributions.id));
    const before = await statuses();
    expect((await recalculateExchangeYear({ year: "2021", currency: "USD" })).ok).toBe(true);
    expect(await statuses()).toEqual(before);
  });

  it("is refused in a closed year, changing nothing", async () => {
    await actAs(db, "admin");
    expect((await addExchangeRate(rateInput({ year: "2022", rate: "1.2" }))).ok).toBe(true);
    expect((await closeFiscalYear({ year: "2022" })).ok).toBe(true);
    expect((await staleCounts({ year: 2022 })).some((s) => s.contributions > 0)).toBe(true);
    const before = await fingerprint(db);
    expect(await recalculateExchangeYear({ year: "2022", currency: "USD" })).toEqual({ ok: false, error: "year_closed" });
    expect(await recalculateExchangeYear({ year: "2022", currency: "" })).toEqual({ ok: false, error: "year_closed" });
    expect(await fingerprint(db)).toEqual(before);
  });
});

describe("currencies", () => {
  it("adds an ISO 4217 currency, audited; refuses duplicates and codes that are not ISO 4217", async () => {
    await actAs(db, "admin");
    expect(await addCurrency({ code: "jpy", nameLv: "Japānas jena", nameEn: "Japanese yen" })).toEqual({ ok: true, data: { code: "JPY" } });
    const [row] = await db.select().from(currencies).where(eq(currencies.code, "JPY"));
    expect(row).toMatchObject({ nameLv: "Japānas jena", nameEn: "Japanese yen", fixedRate: false, active: true });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entity, "currencies"), eq(auditLog.entityId, "JPY")));
    expect(audit).toMatchObject({ action: "create", after: { code: "JPY", active: true } });

    const before = await fingerprint(db);
    expect(await addCurrency({ code: "JPY", nameLv: "x", nameEn: "x" })).toMatchObject({ ok: false, error: "invalid", fieldErrors: { code: ["currencyTaken"] } });
    expect(await addCurrency({ code: "ZZZ", nameLv: "x", nameEn: "x" })).toMatchObject({ ok: false, error: "invalid", fieldErrors: { code: ["currencyUnknown"] } });
    expect(await addCurrency({ code: "A1B", nameLv: "x", nameEn: "x" })).toMatchObject({ ok: false, error: "invalid", fieldErrors: { code: ["currencyCode"] } });
    expect(await addCurrency({ code: "GBP", nameLv: "x", nameEn: "x", fixedRate: true })).toMatchObject({ ok: false, error: "invalid" });
    expect(await fingerprint(db)).toEqual(before);
  });

  it("deactivates and activates a currency, audited; EUR stays active", async () => {
    await actAs(db, "admin");
    expect(await setCurrencyActive({ code: "CHF", active: false })).toEqual({ ok: true, data: { code: "CHF", active: false } });
    expect((await listCurrencies()).find((c) => c.code === "CHF")).toMatchObject({ active: false });
    // An inactive currency takes no new rate.
    expect(await addExchangeRate(rateInput({ currency: "CHF" }))).toMatchObject({ ok: false, fieldErrors: { currency: ["choice"] } });
    expect(await setCurrencyActive({ code: "CHF", active: true })).toEqual({ ok: true, data: { code: "CHF", active: true } });
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entity, "currencies"), eq(auditLog.entityId, "CHF"))).orderBy(asc(auditLog.id));
    expect(audits.map((a) => a.action)).toEqual(["deactivate", "activate"]);
    expect(audits[0]).toMatchObject({ before: { active: true }, after: { active: false } });

    const before = await fingerprint(db);
    expect(await setCurrencyActive({ code: "EUR", active: false })).toMatchObject({ ok: false, error: "invalid", fieldErrors: { _form: ["eurActive"] } });
    expect(await setCurrencyActive({ code: "XXX", active: false })).toEqual({ ok: false, error: "not_found" });
    expect(await fingerprint(db)).toEqual(before);
  });
});

describe("access", () => {
  it("gives every non-admin 'forbidden' and changes nothing", async () => {
    const before = await fingerprint(db);
    for (const who of ["editor", "zmEditor", "viewer"] as const) {
      await actAs(db, who);
      expect(await addExchangeRate(rateInput())).toEqual({ ok: false, error: "forbidden" });
      expect(await recalculateExchangeYear({ year: "2024", currency: "" })).toEqual({ ok: false, error: "forbidden" });
      expect(await addCurrency({ code: "SEK", nameLv: "Zviedrijas krona", nameEn: "Swedish krona" })).toEqual({ ok: false, error: "forbidden" });
      expect(await setCurrencyActive({ code: "USD", active: false })).toEqual({ ok: false, error: "forbidden" });
    }
    await actAs(db, null);
    expect(await addExchangeRate(rateInput())).toEqual({ ok: false, error: "unauthorized" });
    expect(await fingerprint(db)).toEqual(before);
  });
});
