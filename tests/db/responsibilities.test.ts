import { randomBytes } from "node:crypto";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setResponsibility } from "@/app/(app)/organizations/responsibilities/actions";
import type { CellRole } from "@/app/(app)/organizations/responsibilities/schemas";
import { parseMatrixQuery } from "@/app/(app)/organizations/responsibilities/search-params";
import { rowsOf } from "@/db";
import { loadResponsibilityMatrix } from "@/db/queries/responsibilities";
import { auditLog, ministries, organizationResponsibilities, organizations } from "@/db/schema";
import { actAs } from "../helpers/acting-user";
import { fingerprint, setupTestDatabase } from "../helpers/test-db";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/acting-user")).sessionModule);
vi.mock("@/lib/request", async (orig) => ({ ...(await orig<object>()), requestId: async () => "req-responsibilities-test" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { db } = setupTestDatabase("demo");

const ministryIds = new Map<string, number>();
const ministry = (code: string) => {
  const id = ministryIds.get(code);
  if (id === undefined) throw new Error(`no ministry ${code}`);
  return id;
};
const organizationId = async (acronym: string) =>
  (await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.acronym, acronym)))[0]!.id;

/** An organization of the test's own, with the given current roles (ministry code → role). */
async function newOrganization(roles: Record<string, "lead" | "co_responsible" | "paying"> = {}): Promise<number> {
  const acronym = `T-${randomBytes(4).toString("hex").toUpperCase()}`;
  const [row] = await db
    .insert(organizations)
    .values({ acronym, nameLv: `Testa organizācija ${acronym}`, nameEn: `Test organization ${acronym}` })
    .returning({ id: organizations.id });
  for (const [code, role] of Object.entries(roles)) {
    await db.insert(organizationResponsibilities).values({ organizationId: row!.id, ministryId: ministry(code), role, validFrom: "2020-01-01" });
  }
  return row!.id;
}

/** Every responsibility row of an organization, history included, oldest first. */
const history = (id: number) =>
  db
    .select({
      ministryId: organizationResponsibilities.ministryId,
      role: organizationResponsibilities.role,
      validFrom: organizationResponsibilities.validFrom,
      validTo: organizationResponsibilities.validTo,
    })
    .from(organizationResponsibilities)
    .where(eq(organizationResponsibilities.organizationId, id))
    .orderBy(organizationResponsibilities.id);

/** Current roles by ministry code. */
async function currentRoles(id: number): Promise<Record<string, string>> {
  const rows = await db
    .select({ code: ministries.code, role: organizationResponsibilities.role })
    .from(organizationResponsibilities)
    .innerJoin(ministries, eq(ministries.id, organizationResponsibilities.ministryId))
    .where(and(eq(organizationResponsibilities.organizationId, id), isNull(organizationResponsibilities.validTo)));
  return Object.fromEntries(rows.map((r) => [r.code, r.role]));
}

const auditEntries = (id: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "organizations"), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.id));
const auditCount = async (id: number) =>
  (await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entity, "organizations"), eq(auditLog.entityId, String(id)))))[0]!.n;

const today = async () => rowsOf<{ d: string }>(await db.execute(sql`select current_date::text as d`))[0]!.d;

const set = (organizationId: number, code: string, role: CellRole, expected: CellRole) =>
  setResponsibility({ organizationId, ministryId: ministry(code), role, expected });

/** Runs a refused call and checks that no business table changed. */
async function refused(work: () => Promise<unknown>) {
  const before = await fingerprint(db);
  const result = await work();
  expect(await fingerprint(db)).toEqual(before);
  return result as { ok: false; error: string; fieldErrors?: Record<string, string[]>; current?: unknown };
}

beforeAll(async () => {
  for (const m of await db.select({ id: ministries.id, code: ministries.code }).from(ministries)) ministryIds.set(m.code, m.id);
  // Signing in stamps the user's row: once up front, so that "nothing changed" means the action.
  for (const who of ["admin", "editor", "zmEditor", "viewer"] as const) await actAs(db, who);
});
beforeEach(async () => {
  await actAs(db, null);
});

describe("the matrix query", () => {
  it("lists every organization that is not archived against the active ministries, with the current roles", async () => {
    const archived = await newOrganization({ am: "lead" });
    await db.update(organizations).set({ archivedAt: new Date() }).where(eq(organizations.id, archived));
    const [all] = await db.select({ n: count() }).from(organizations).where(isNull(organizations.archivedAt));
    const { ministries: columns, rows } = await loadResponsibilityMatrix({ query: parseMatrixQuery({}) });

    expect(rows).toHaveLength(all!.n);
    expect(rows.map((r) => r.id)).not.toContain(archived);
    expect(rows.map((r) => r.acronym)).toEqual([...rows.map((r) => r.acronym)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(columns.map((m) => m.code)).toEqual([...ministryIds.keys()].sort());
    const fao = rows.find((r) => r.acronym === "FAO")!;
    expect(fao.roles[ministry("zm")]).toBe("lead");
    expect(fao.leadMinistryId).toBe(ministry("zm"));
    expect(rows.find((r) => r.acronym === "UN")!.leadMinistryId).toBe(ministry("am"));
  });

  it("leaves inactive ministries out of the columns", async () => {
    await db.update(ministries).set({ active: false }).where(eq(ministries.code, "km"));
    try {
      const { ministries: columns } = await loadResponsibilityMatrix({ query: parseMatrixQuery({}) });
      expect(columns.map((m) => m.code)).not.toContain("km");
    } finally {
      await db.update(ministries).set({ active: true }).where(eq(ministries.code, "km"));
    }
  });

  it("answers what a ministry answers for: only organizations where it has a role, narrowed by role", async () => {
    const zm = ministry("zm");
    const co = await newOrganization({ am: "lead", zm: "co_responsible" });
    const { rows } = await loadResponsibilityMatrix({ query: parseMatrixQuery({ ministry: String(zm) }) });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.roles[zm]).toBeDefined();
    expect(rows.map((r) => r.acronym)).toContain("FAO");
    expect(rows.map((r) => r.id)).toContain(co);
    expect(rows.map((r) => r.acronym)).not.toContain("UN");

    const leads = await loadResponsibilityMatrix({ query: parseMatrixQuery({ ministry: String(zm), role: "lead" }) });
    expect(leads.rows.map((r) => r.acronym)).toContain("FAO");
    expect(leads.rows.map((r) => r.id)).not.toContain(co);
    for (const row of leads.rows) expect(row.roles[zm]).toBe("lead");
    // The other ministries' roles of those organizations are still shown.
    expect(rows.find((r) => r.id === co)!.roles[ministry("am")]).toBe("lead");
  });

  it("filters by role alone and searches acronym and names", async () => {
    const paying = await newOrganization({ am: "lead", fm: "paying" });
    const { rows } = await loadResponsibilityMatrix({ query: parseMatrixQuery({ role: "paying" }) });
    expect(rows.map((r) => r.id)).toContain(paying);
    for (const row of rows) expect(Object.values(row.roles)).toContain("paying");

    expect((await loadResponsibilityMatrix({ query: parseMatrixQuery({ q: "fao" }) })).rows.map((r) => r.acronym)).toContain("FAO");
    expect((await loadResponsibilityMatrix({ query: parseMatrixQuery({ q: "Pārtikas un lauksaimniecības" }) })).rows.map((r) => r.acronym)).toEqual(["FAO"]);
    expect((await loadResponsibilityMatrix({ query: parseMatrixQuery({ q: "Food and Agriculture" }) })).rows.map((r) => r.acronym)).toEqual(["FAO"]);
    expect((await loadResponsibilityMatrix({ query: parseMatrixQuery({ q: "100%_" }) })).rows).toEqual([]);
  });

  it("reads the URL defensively: unknown values are as if absent", () => {
    expect(parseMatrixQuery({ ministry: "-3", role: "owner", q: "  x  " })).toEqual({ q: "x", ministryId: null, role: null });
    expect(parseMatrixQuery({ ministry: "99999999999", role: ["lead", "paying"] })).toEqual({ q: "", ministryId: null, role: "lead" });
    expect(parseMatrixQuery({ ministry: "7", q: "a".repeat(500) })).toMatchObject({ ministryId: 7, q: "a".repeat(100) });
  });
});

describe("setResponsibility", () => {
  it("ends the current assignment today and starts a new one, keeping the history, with an audit entry", async () => {
    const id = await newOrganization({ am: "lead" });
    await actAs(db, "editor");
    expect(await set(id, "fm", "paying", "none")).toEqual({ ok: true, data: { changed: true, role: "paying", endedLead: null } });
    expect(await set(id, "fm", "co_responsible", "paying")).toMatchObject({ ok: true });
    expect(await set(id, "fm", "none", "co_responsible")).toMatchObject({ ok: true });

    const day = await today();
    const fm = (await history(id)).filter((r) => r.ministryId === ministry("fm"));
    expect(fm).toEqual([
      { ministryId: ministry("fm"), role: "paying", validFrom: day, validTo: day },
      { ministryId: ministry("fm"), role: "co_responsible", validFrom: day, validTo: day },
    ]);
    expect(await currentRoles(id)).toEqual({ am: "lead" });

    const [last, middle, first] = await auditEntries(id);
    expect(first).toMatchObject({ action: "set_responsibility", before: { "responsibility.fm": null }, after: { "responsibility.fm": "paying" } });
    expect(middle).toMatchObject({ before: { "responsibility.fm": "paying" }, after: { "responsibility.fm": "co_responsible" } });
    expect(last).toMatchObject({ before: { "responsibility.fm": "co_responsible" }, after: { "responsibility.fm": null }, requestId: "req-responsibilities-test" });
  });

  it("makes a new lead by ending the previous lead's assignment: exactly one lead, the old one without a role", async () => {
    const id = await newOrganization({ am: "lead", zm: "co_responsible" });
    await actAs(db, "editor");
    const result = await set(id, "zm", "lead", "co_responsible");
    expect(result).toEqual({ ok: true, data: { changed: true, role: "lead", endedLead: { ministryId: ministry("am"), code: "am" } } });
    expect(await currentRoles(id)).toEqual({ zm: "lead" });
    const [entry] = await auditEntries(id);
    expect(entry).toMatchObject({
      action: "set_responsibility",
      entity: "organizations",
      before: { "responsibility.am": "lead", "responsibility.zm": "co_responsible" },
      after: { "responsibility.am": null, "responsibility.zm": "lead" },
    });
    const day = await today();
    expect((await history(id)).filter((r) => r.ministryId === ministry("am"))).toEqual([
      { ministryId: ministry("am"), role: "lead", validFrom: "2020-01-01", validTo: day },
    ]);
  });

  it("refuses to take the lead role off the lead: another lead must be assigned first", async () => {
    const id = await newOrganization({ am: "lead" });
    await actAs(db, "admin");
    for (const role of ["none", "co_responsible", "paying"] as const) {
      const result = await refused(() => set(id, "am", role, "lead"));
      expect(result).toMatchObject({ ok: false, error: "invalid", fieldErrors: { role: ["leadRequired"] } });
    }
    expect(await currentRoles(id)).toEqual({ am: "lead" });
  });

  it("gives an organization without any lead its first one (unscoped users only)", async () => {
    const id = await newOrganization({ fm: "paying" });
    await actAs(db, "zmEditor");
    expect(await refused(() => set(id, "zm", "lead", "none"))).toMatchObject({ error: "not_found" });
    await actAs(db, "editor");
    expect(await set(id, "em", "lead", "none")).toEqual({ ok: true, data: { changed: true, role: "lead", endedLead: null } });
    expect(await currentRoles(id)).toEqual({ em: "lead", fm: "paying" });
  });

  it("answers a stale `expected` with 'conflict' and the cell's role now, writing nothing", async () => {
    const id = await newOrganization({ am: "lead", fm: "paying" });
    await actAs(db, "editor");
    const result = await refused(() => set(id, "fm", "co_responsible", "none"));
    expect(result).toEqual({ ok: false, error: "conflict", current: "paying" });
    expect(await refused(() => set(id, "zm", "lead", "co_responsible"))).toMatchObject({ error: "conflict", current: "none" });
    expect(await refused(() => set(id, "am", "none", "paying"))).toMatchObject({ error: "conflict", current: "lead" });
  });

  it("writes nothing when the cell already holds the role", async () => {
    const id = await newOrganization({ am: "lead" });
    await actAs(db, "editor");
    const before = await fingerprint(db);
    expect(await set(id, "am", "lead", "lead")).toEqual({ ok: true, data: { changed: false, role: "lead", endedLead: null } });
    expect(await fingerprint(db)).toEqual(before);
  });

  it("lets the ZM editor change organizations ZM leads, hand the lead over, and then no more", async () => {
    const id = await newOrganization({ zm: "lead" });
    await actAs(db, "zmEditor");
    expect(await set(id, "fm", "paying", "none")).toMatchObject({ ok: true });
    expect(await refused(() => set(id, "zm", "co_responsible", "lead"))).toMatchObject({ error: "invalid", fieldErrors: { role: ["leadRequired"] } });
    expect(await set(id, "vm", "lead", "none")).toMatchObject({ ok: true, data: { endedLead: { code: "zm" } } });
    expect(await refused(() => set(id, "zm", "paying", "none"))).toEqual({ ok: false, error: "not_found" });
    expect(await currentRoles(id)).toEqual({ vm: "lead", fm: "paying" });
  });

  it("answers the ZM editor 'not found' on another ministry's organization (FAO yes, UN no)", async () => {
    await actAs(db, "zmEditor");
    const un = await organizationId("UN");
    const roles = await currentRoles(un);
    expect(await refused(() => set(un, "zm", "paying", "none"))).toEqual({ ok: false, error: "not_found" });
    expect(await refused(() => set(un, "zm", "lead", "none"))).toEqual({ ok: false, error: "not_found" });
    expect(await currentRoles(un)).toEqual(roles);

    const fao = await organizationId("FAO");
    expect(await set(fao, "km", "paying", "none")).toMatchObject({ ok: true });
    expect(await set(fao, "km", "none", "paying")).toMatchObject({ ok: true });
  });

  it("refuses the viewer ('forbidden') and callers without a session ('unauthorized')", async () => {
    const fao = await organizationId("FAO");
    await actAs(db, "viewer");
    expect(await refused(() => set(fao, "fm", "paying", "none"))).toEqual({ ok: false, error: "forbidden" });
    await actAs(db, null);
    expect(await refused(() => set(fao, "fm", "paying", "none"))).toEqual({ ok: false, error: "unauthorized" });
  });

  it("answers 'not found' for archived or missing organizations and 'invalid' for bad input or inactive ministries", async () => {
    const id = await newOrganization({ am: "lead" });
    await db.update(organizations).set({ archivedAt: new Date() }).where(eq(organizations.id, id));
    await actAs(db, "admin");
    expect(await refused(() => set(id, "fm", "paying", "none"))).toEqual({ ok: false, error: "not_found" });
    expect(await refused(() => setResponsibility({ organizationId: 2_000_000_000, ministryId: ministry("fm"), role: "paying", expected: "none" }))).toEqual({
      ok: false,
      error: "not_found",
    });

    const live = await newOrganization({ am: "lead" });
    const invalid = [
      { organizationId: live, ministryId: ministry("fm"), role: "owner", expected: "none" },
      { organizationId: live, ministryId: ministry("fm"), role: "paying" },
      { organizationId: live, ministryId: ministry("fm"), role: "paying", expected: "none", validFrom: "2000-01-01" },
      { organizationId: "x", ministryId: ministry("fm"), role: "paying", expected: "none" },
    ];
    for (const input of invalid) expect(await refused(() => setResponsibility(input as never))).toMatchObject({ ok: false, error: "invalid" });

    await db.update(ministries).set({ active: false }).where(eq(ministries.code, "km"));
    try {
      expect(await refused(() => set(live, "km", "paying", "none"))).toMatchObject({ error: "invalid", fieldErrors: { ministryId: ["choice"] } });
    } finally {
      await db.update(ministries).set({ active: true }).where(eq(ministries.code, "km"));
    }
    expect(await auditCount(live)).toBe(0);
  });

  it("serializes parallel changes of one organization: one lead afterwards, the stale one conflicts", async () => {
    const id = await newOrganization({ am: "lead" });
    await actAs(db, "editor");
    const results = await Promise.all([set(id, "zm", "lead", "none"), set(id, "zm", "lead", "none")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "conflict", current: "lead" }]);
    expect(await currentRoles(id)).toEqual({ zm: "lead" });
    expect(await auditCount(id)).toBe(1);
  });

  it("serializes parallel lead transfers to different ministries: both apply in turn, one lead remains", async () => {
    const id = await newOrganization({ am: "lead" });
    await actAs(db, "editor");
    const results = await Promise.all([set(id, "zm", "lead", "none"), set(id, "vm", "lead", "none")]);
    expect(results.every((r) => r.ok)).toBe(true);
    const roles = await currentRoles(id);
    expect(Object.values(roles)).toEqual(["lead"]);
    // The second to run ended the first one's lead.
    const ended = results.map((r) => (r.ok ? r.data.endedLead?.code : null)).sort();
    expect(ended).toEqual(["am", Object.keys(roles)[0] === "zm" ? "vm" : "zm"].sort());
    expect(await auditCount(id)).toBe(2);
  });
});
