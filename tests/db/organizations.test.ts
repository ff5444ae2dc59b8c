import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  archiveOrganization,
  createOrganization,
  deleteOrganization,
  restoreOrganization,
  updateOrganization,
} from "@/app/(app)/organizations/actions";
import { createOrganizationSchema, isLikumiUrl } from "@/app/(app)/organizations/schemas";
import { ORGANIZATION_KINDS, organizationsTableSpec } from "@/app/(app)/organizations/search-params";
import { parseTableQuery } from "@/components/data-table/spec";
import { rowsOf } from "@/db";
import {
  getOrganization,
  listCurrencyChoices,
  listMinistryChoices,
  listMissionChoices,
  listOrganizationMissions,
  listOrganizationResponsibilities,
  listOrganizations,
  listOrganizationYearTotals,
  organizationScope,
} from "@/db/queries/organizations";
import { auditLog, contributions, currencies, ministries, missions, organizationKind, organizationResponsibilities, organizations, type Organization } from "@/db/schema";
import { parseOptions } from "@/lib/validation";
import { currentYear } from "@/lib/years";
import { actAs } from "../helpers/acting-user";
import { fingerprint, setupTestDatabase } from "../helpers/test-db";
import { latvianOrder } from "../helpers/latvian-order";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/acting-user")).sessionModule);
vi.mock("@/lib/request", async (orig) => ({ ...(await orig<object>()), requestId: async () => "req-organizations-test" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { db } = setupTestDatabase("demo");

const query = (params: Record<string, string> = {}) => parseTableQuery(organizationsTableSpec, params);
const year = currentYear();
const orgId = async (acronym: string) => (await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.acronym, acronym)))[0]!.id;
const ministryId = async (code: string) => (await db.select({ id: ministries.id }).from(ministries).where(eq(ministries.code, code)))[0]!.id;
const orgRow = async (id: number) => (await db.select().from(organizations).where(eq(organizations.id, id)))[0];
const audits = async (entityId: number) =>
  db.select().from(auditLog).where(and(eq(auditLog.entity, "organizations"), eq(auditLog.entityId, String(entityId)))).orderBy(desc(auditLog.id));
const auditCount = async (entityId: number) =>
  (await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entity, "organizations"), eq(auditLog.entityId, String(entityId)))))[0]!.n;
const tag = () => Math.random().toString(36).slice(2, 8).toUpperCase();

function fields(overrides: Record<string, unknown> = {}) {
  return {
    acronym: `T-${tag()}`,
    nameLv: "Testa organizācija",
    nameEn: "Test Organization",
    kind: "organization",
    hqCity: "Rīga",
    website: "https://example.org/",
    memberSince: "2004-05-01",
    treatyUrl: "https://likumi.lv/ta/id/12345-par-pievienosanos",
    billingCurrencies: ["USD", "EUR"],
    sourceUrl: "",
    notes: "",
    ...overrides,
  };
}

/** A fresh organization of this test's own, led by `lead`, created as the unscoped editor. */
async function newOrganization(lead = "am", overrides: Record<string, unknown> = {}): Promise<Organization> {
  await actAs(db, "editor");
  const result = await createOrganization({ ...fields(overrides), leadMinistryId: String(await ministryId(lead)) });
  if (!result.ok) throw new Error(`create failed: ${JSON.stringify(result)}`);
  return (await orgRow(result.data.id))!;
}

const editPayload = (o: Organization, overrides: Record<string, unknown> = {}) => ({
  ...fields({
    acronym: o.acronym,
    nameLv: o.nameLv,
    nameEn: o.nameEn,
    kind: o.kind,
    hqCity: o.hqCity ?? "",
    website: o.website ?? "",
    memberSince: o.memberSince ?? "",
    treatyUrl: o.treatyUrl ?? "",
    billingCurrencies: o.billingCurrencies,
    sourceUrl: o.sourceUrl ?? "",
    notes: o.notes ?? "",
  }),
  id: o.id,
  version: o.version,
  ...overrides,
});

/** The year's EUR total of an organization, summed independently of the code under test. */
async function sqlTotal(organizationId: number, y: number): Promise<string | null> {
  const result = await db.execute(
    sql`select sum(amount_eur)::text as t from contributions where organization_id = ${organizationId} and year = ${y} and status <> 'cancelled'`,
  );
  return rowsOf<{ t: string | null }>(result)[0]!.t;
}

beforeAll(async () => {
  // Signing in stamps the user's row: do it once up front, so that "nothing changed" means the action.
  for (const who of ["admin", "editor", "zmEditor", "viewer"] as const) await actAs(db, who);
});
beforeEach(async () => {
  await actAs(db, null);
});

describe("schemas", () => {
  it("list the organization kinds of the database enum", () => {
    expect([...ORGANIZATION_KINDS]).toEqual(organizationKind.enumValues);
  });

  it("accept only https://likumi.lv/ treaty links", () => {
    expect(isLikumiUrl("https://likumi.lv/ta/id/12345")).toBe(true);
    for (const bad of ["http://likumi.lv/ta/id/1", "https://likumi.lv.evil.example/", "https://evil.example/likumi.lv", "https://x@likumi.lv/", "likumi.lv/ta", "javascript:alert(1)"]) {
      expect(isLikumiUrl(bad), bad).toBe(false);
    }
    const parsed = createOrganizationSchema.safeParse({ ...fields({ treatyUrl: "https://www.vestnesis.lv/x" }), leadMinistryId: "1" }, parseOptions);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["treatyUrl", "likumiUrl"]]);
  });
});

describe("queries", () => {
  it("lists active organizations by acronym with lead ministry, missions, currencies and the year's SQL total", async () => {
    const { rows, total } = await listOrganizations({ query: query({ perPage: "100" }), locale: "lv", year });
    expect(total).toBe(28);
    const acronyms = rows.map((r) => r.acronym);
    expect(acronyms).toEqual([...acronyms].sort(latvianOrder));
    const fao = rows.find((r) => r.acronym === "FAO")!;
    expect(fao).toMatchObject({ kind: "organization", leadNameLv: "Zemkopības ministrija", leadNameEn: "Ministry of Agriculture" });
    expect([...fao.billingCurrencies].sort()).toEqual(["EUR", "USD"]);
    expect(fao.missionNames).toContain("FAO");
    for (const row of rows) expect(row.totalEur, row.acronym).toBe(await sqlTotal(row.id, year));
    expect(fao.totalEur).not.toBeNull();
  });

  it("leaves cancelled lines out of the totals and counts planned ones without an amount as nothing", async () => {
    const wto = await orgId("WTO");
    const wtoTotal = async () => (await listOrganizations({ query: query({ q: "WTO" }), locale: "en", year })).rows.find((r) => r.id === wto)!.totalEur;
    const before = await wtoTotal();
    const inserted = await db
      .insert(contributions)
      .values([
        { organizationId: wto, year, kind: "voluntary", currency: "EUR", amount: "1000.10", amountEur: "1000.10", status: "cancelled" },
        { organizationId: wto, year, kind: "voluntary", currency: "EUR", amount: "0.20", amountEur: "0.20", status: "assessed" },
        { organizationId: wto, year, kind: "voluntary", status: "planned", plannedEur: "500.00" },
      ])
      .returning({ id: contributions.id });
    const after = await wtoTotal();
    expect(after).toBe(await sqlTotal(wto, year));
    expect(Math.round(Number(after) * 100 - Number(before ?? 0) * 100)).toBe(20);
    const yearRow = (await listOrganizationYearTotals({ organizationId: wto })).find((r) => r.year === year)!;
    expect(yearRow.totalEur).toBe(after);
    await db.delete(contributions).where(inArray(contributions.id, inserted.map((r) => r.id)));
  });

  it("filters by kind, lead ministry, mission and status, and searches acronym and both names", async () => {
    const funds = await listOrganizations({ query: query({ kind: "fund", perPage: "100" }), locale: "lv", year });
    expect(funds.total).toBeGreaterThan(0);
    expect(funds.rows.every((r) => r.kind === "fund")).toBe(true);
    const zm = await listOrganizations({ query: query({ ministry: String(await ministryId("zm")) }), locale: "lv", year });
    expect(zm.rows.map((r) => r.acronym)).toEqual(["FAO"]);
    const [rome] = await db.select({ id: missions.id }).from(missions).where(eq(missions.nameEn, "Permanent Representation of Latvia to FAO (Rome)"));
    const byMission = await listOrganizations({ query: query({ mission: String(rome!.id) }), locale: "lv", year });
    expect(byMission.rows.map((r) => r.acronym)).toEqual(["FAO", "WFP"]);
    expect((await listOrganizations({ query: query({ q: "Pārtikas" }), locale: "lv", year })).rows.map((r) => r.acronym)).toEqual(["FAO", "WFP"]);
    expect((await listOrganizations({ query: query({ q: "food and agri" }), locale: "lv", year })).rows.map((r) => r.acronym)).toEqual(["FAO"]);
    expect((await listOrganizations({ query: query({ q: "%_" }), locale: "lv", year })).total).toBe(0);
    expect((await listOrganizations({ query: query({ status: "archived" }), locale: "lv", year })).total).toBe(0);
  });

  it("sorts by the total (nulls last), the name in the user's language and the lead ministry", async () => {
    const byTotal = await listOrganizations({ query: query({ sort: "total.desc", perPage: "100" }), locale: "lv", year });
    const totals = byTotal.rows.map((r) => r.totalEur);
    const firstNull = totals.indexOf(null);
    const numbers = (firstNull === -1 ? totals : totals.slice(0, firstNull)).map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    if (firstNull !== -1) expect(totals.slice(firstNull).every((t) => t === null)).toBe(true);
    const byName = await listOrganizations({ query: query({ sort: "name", perPage: "100" }), locale: "en", year });
    const names = byName.rows.map((r) => r.nameEn);
    expect(names).toEqual([...names].sort(latvianOrder));
    // The order of the names is the database collation's; ascending and descending must mirror each other.
    const leads = async (sort: string) => (await listOrganizations({ query: query({ sort, perPage: "100" }), locale: "lv", year })).rows.map((r) => r.leadNameLv);
    const ascending = [...new Set(await leads("lead"))];
    expect(ascending.length).toBeGreaterThan(3);
    expect([...new Set(await leads("lead.desc"))]).toEqual([...ascending].reverse());
  });

  it("reads one organization with its lead, responsibilities, missions and yearly totals", async () => {
    const fao = await orgId("FAO");
    const detail = (await getOrganization({ id: fao }))!;
    expect(detail.lead).toMatchObject({ code: "zm", id: await ministryId("zm") });
    expect((await listOrganizationResponsibilities({ organizationId: fao }))[0]).toMatchObject({ code: "zm", role: "lead", validTo: null });
    expect((await listOrganizationMissions({ organizationId: fao })).map((m) => m.city)).toEqual(["Rome"]);
    const years = await listOrganizationYearTotals({ organizationId: fao });
    expect(years.length).toBeGreaterThan(0);
    for (const row of years) {
      expect(row.totalEur, String(row.year)).toBe(await sqlTotal(fao, row.year));
      const assessed = rowsOf<{ t: string | null }>(
        await db.execute(sql`select sum(amount_eur)::text as t from contributions where organization_id = ${fao} and year = ${row.year} and kind = 'assessed' and status <> 'cancelled'`),
      )[0]!.t;
      expect(row.assessedEur).toBe(assessed);
    }
    expect(await getOrganization({ id: 999_999 })).toBeNull();
  });

  it("offers active ministries, missions and currencies; scopes an organization to its current lead", async () => {
    expect((await listMinistryChoices()).length).toBe(14);
    expect((await listMissionChoices()).length).toBe(10);
    expect((await listCurrencyChoices()).map((c) => c.code)).toEqual(["CHF", "EUR", "LVL", "USD"]);
    expect(await organizationScope(db, await orgId("FAO"))).toEqual({ ministryIds: [await ministryId("zm")] });
    expect(await organizationScope(db, 999_999)).toBeNull();
  });
});

describe("create", () => {
  it("creates the organization and its lead row in one transaction, with an audit row", async () => {
    await actAs(db, "editor");
    const acronym = `NEW-${tag()}`;
    const result = await createOrganization({ ...fields({ acronym, billingCurrencies: ["USD", "EUR", "USD"] }), leadMinistryId: String(await ministryId("em")) });
    expect(result.ok).toBe(true);
    const id = (result as { data: { id: number } }).data.id;
    expect(await orgRow(id)).toMatchObject({ acronym, billingCurrencies: ["USD", "EUR"], sourceUrl: null, memberSince: "2004-05-01", version: 1 });
    const leads = await db.select().from(organizationResponsibilities).where(eq(organizationResponsibilities.organizationId, id));
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ ministryId: await ministryId("em"), role: "lead", validTo: null });
    const [entry] = await audits(id);
    expect(entry).toMatchObject({ action: "create", before: null, requestId: "req-organizations-test" });
    expect(entry!.after).toMatchObject({ acronym, "responsibility.em": "lead" });
  });

  it("lets the ZM editor create only with Zemkopības ministrija as lead; viewer forbidden, anonymous unauthorized", async () => {
    await actAs(db, "zmEditor");
    const own = await createOrganization({ ...fields(), leadMinistryId: String(await ministryId("zm")) });
    expect(own.ok).toBe(true);
    const snapshot = await fingerprint(db);
    expect(await createOrganization({ ...fields(), leadMinistryId: String(await ministryId("am")) })).toEqual({ ok: false, error: "not_found" });
    await actAs(db, "viewer");
    expect(await createOrganization({ ...fields(), leadMinistryId: String(await ministryId("zm")) })).toEqual({ ok: false, error: "forbidden" });
    await actAs(db, null);
    expect(await createOrganization({ ...fields(), leadMinistryId: String(await ministryId("zm")) })).toEqual({ ok: false, error: "unauthorized" });
    expect(await fingerprint(db)).toEqual(snapshot);
  });

  it("answers field errors: taken acronym (any case), likumi.lv link, currencies, ministry; writes nothing", async () => {
    await actAs(db, "admin");
    const lead = String(await ministryId("am"));
    const snapshot = await fingerprint(db);
    expect(await createOrganization({ ...fields({ acronym: "fao" }), leadMinistryId: lead })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { acronym: ["acronymTaken"] },
    });
    expect(await createOrganization({ ...fields({ treatyUrl: "https://example.org/law" }), leadMinistryId: lead })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { treatyUrl: ["likumiUrl"] },
    });
    expect(await createOrganization({ ...fields({ billingCurrencies: ["XYZ"] }), leadMinistryId: lead })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { billingCurrencies: ["choice"] },
    });
    expect(await createOrganization({ ...fields(), leadMinistryId: "999999" })).toEqual({ ok: false, error: "invalid", fieldErrors: { leadMinistryId: ["choice"] } });
    expect(await createOrganization({ ...fields({ nameLv: " ", kind: "club" }), leadMinistryId: "" })).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { nameLv: ["required"], kind: ["choice"], leadMinistryId: ["choice"] },
    });
    expect(await createOrganization({ ...fields(), leadMinistryId: lead, archivedAt: null })).toMatchObject({ ok: false, fieldErrors: { _form: ["unknownKeys"] } });
    expect(await fingerprint(db)).toEqual(snapshot);
  });

  it("refuses a currency that is no longer active", async () => {
    await db.update(currencies).set({ active: false }).where(eq(currencies.code, "LVL"));
    await actAs(db, "admin");
    const result = await createOrganization({ ...fields({ billingCurrencies: ["LVL"] }), leadMinistryId: String(await ministryId("am")) });
    await db.update(currencies).set({ active: true }).where(eq(currencies.code, "LVL"));
    expect(result).toEqual({ ok: false, error: "invalid", fieldErrors: { billingCurrencies: ["choice"] } });
  });
});

describe("edit", () => {
  it("lets the ZM editor edit FAO, which ZM leads, with an audit row of both states", async () => {
    const fao = (await orgRow(await orgId("FAO")))!;
    await actAs(db, "zmEditor");
    const result = await updateOrganization(editPayload(fao, { hqCity: "Roma", treatyUrl: "https://likumi.lv/ta/id/999" }));
    expect(result).toEqual({ ok: true, data: { version: fao.version + 1 } });
    expect(await orgRow(fao.id)).toMatchObject({ hqCity: "Roma", treatyUrl: "https://likumi.lv/ta/id/999", billingCurrencies: fao.billingCurrencies });
    const [entry] = await audits(fao.id);
    expect(entry).toMatchObject({ action: "update", before: { hqCity: fao.hqCity }, after: { hqCity: "Roma" } });
  });

  it("refuses the ZM editor on other ministries' organizations (not_found) and the viewer (forbidden)", async () => {
    const un = (await orgRow(await orgId("UN")))!;
    const snapshot = await fingerprint(db);
    await actAs(db, "zmEditor");
    expect(await updateOrganization(editPayload(un, { hqCity: "ZM" }))).toEqual({ ok: false, error: "not_found" });
    expect(await archiveOrganization({ id: un.id, version: un.version })).toEqual({ ok: false, error: "not_found" });
    await actAs(db, "viewer");
    expect(await updateOrganization(editPayload(un, { hqCity: "Skatītājs" }))).toEqual({ ok: false, error: "forbidden" });
    await actAs(db, "admin");
    expect(await updateOrganization(editPayload(un, { id: 999_999 }))).toEqual({ ok: false, error: "not_found" });
    expect(await fingerprint(db)).toEqual(snapshot);
  });

  it("follows the CURRENT lead: once ZM no longer leads, its editor is refused", async () => {
    const org = await newOrganization("zm");
    await actAs(db, "zmEditor");
    expect((await updateOrganization(editPayload(org, { hqCity: "Jelgava" }))).ok).toBe(true);
    await db
      .update(organizationResponsibilities)
      .set({ validTo: sql`current_date` })
      .where(and(eq(organizationResponsibilities.organizationId, org.id), isNull(organizationResponsibilities.validTo)));
    await db.insert(organizationResponsibilities).values({ organizationId: org.id, ministryId: await ministryId("em"), role: "lead" });
    const now = (await orgRow(org.id))!;
    expect(await updateOrganization(editPayload(now, { hqCity: "Bauska" }))).toEqual({ ok: false, error: "not_found" });
  });

  it("answers a stale version with conflict and the organization as saved; the first value survives", async () => {
    const org = await newOrganization();
    expect((await updateOrganization(editPayload(org, { hqCity: "Pirmā" }))).ok).toBe(true);
    const snapshot = await fingerprint(db);
    const stale = await updateOrganization(editPayload(org, { hqCity: "Otrā" }));
    expect(stale).toMatchObject({ ok: false, error: "conflict", current: { id: org.id, hqCity: "Pirmā", version: org.version + 1 } });
    expect(await fingerprint(db)).toEqual(snapshot);
    expect((await orgRow(org.id))!.hqCity).toBe("Pirmā");
  });

  it("refuses another organization's acronym and a non-likumi.lv link; keeps its own acronym; an idle save writes nothing", async () => {
    const org = await newOrganization();
    const snapshot = await fingerprint(db);
    expect(await updateOrganization(editPayload(org, { acronym: "Unesco" }))).toEqual({ ok: false, error: "invalid", fieldErrors: { acronym: ["acronymTaken"] } });
    expect(await updateOrganization(editPayload(org, { treatyUrl: "https://likumi.lv.example.com/x" }))).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { treatyUrl: ["likumiUrl"] },
    });
    const before = await auditCount(org.id);
    expect(await updateOrganization(editPayload(org))).toEqual({ ok: true, data: { version: org.version } });
    expect(await auditCount(org.id)).toBe(before);
    expect(await fingerprint(db)).toEqual(snapshot);
    expect((await updateOrganization(editPayload(org, { acronym: org.acronym.toLowerCase() }))).ok).toBe(true);
  });
});

describe("archive, restore and delete", () => {
  it("archives and restores with audit rows; the list hides archived organizations unless asked", async () => {
    const org = await newOrganization("zm", { nameEn: "To be archived" });
    await actAs(db, "zmEditor");
    expect(await archiveOrganization({ id: org.id, version: org.version })).toEqual({ ok: true, data: { version: org.version + 1 } });
    expect((await orgRow(org.id))!.archivedAt).toBeInstanceOf(Date);
    expect((await audits(org.id))[0]).toMatchObject({ action: "archive" });
    expect((await listOrganizations({ query: query({ q: org.acronym }), locale: "en", year })).total).toBe(0);
    expect((await listOrganizations({ query: query({ q: org.acronym, status: "archived" }), locale: "en", year })).total).toBe(1);
    expect((await listOrganizations({ query: query({ q: org.acronym, status: "all" }), locale: "en", year })).total).toBe(1);
    expect(await archiveOrganization({ id: org.id, version: org.version })).toMatchObject({ ok: false, error: "conflict" });
    await actAs(db, "viewer");
    expect(await restoreOrganization({ id: org.id, version: org.version + 1 })).toEqual({ ok: false, error: "forbidden" });
    await actAs(db, "zmEditor");
    expect(await restoreOrganization({ id: org.id, version: org.version + 1 })).toEqual({ ok: true, data: { version: org.version + 2 } });
    expect((await orgRow(org.id))!.archivedAt).toBeNull();
    expect((await audits(org.id))[0]).toMatchObject({ action: "restore" });
  });

  it("lets an admin delete an unreferenced organization with its own responsibility rows", async () => {
    const org = await newOrganization();
    await actAs(db, "editor");
    expect(await deleteOrganization({ id: org.id, version: org.version })).toEqual({ ok: false, error: "forbidden" });
    await actAs(db, "admin");
    expect(await deleteOrganization({ id: org.id, version: org.version + 5 })).toMatchObject({ ok: false, error: "conflict" });
    expect(await deleteOrganization({ id: org.id, version: org.version })).toEqual({ ok: true, data: { id: org.id } });
    expect(await orgRow(org.id)).toBeUndefined();
    expect(await db.select().from(organizationResponsibilities).where(eq(organizationResponsibilities.organizationId, org.id))).toEqual([]);
    expect((await audits(org.id))[0]).toMatchObject({ action: "delete", after: null, before: { acronym: org.acronym } });
  });

  it("refuses to delete an organization with contributions or missions (in_use) and changes nothing", async () => {
    const fao = (await orgRow(await orgId("FAO")))!;
    await actAs(db, "admin");
    const snapshot = await fingerprint(db);
    expect(await deleteOrganization({ id: fao.id, version: fao.version })).toEqual({ ok: false, error: "in_use" });
    expect(await fingerprint(db)).toEqual(snapshot);
  });
});
