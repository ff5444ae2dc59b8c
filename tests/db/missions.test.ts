import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  addMissionMinistry,
  addMissionOrganization,
  archiveMission,
  createMission,
  deleteMission,
  removeMissionMinistry,
  removeMissionOrganization,
  restoreMission,
  updateMission,
} from "@/app/(app)/missions/actions";
import { countryOrder } from "@/app/(app)/missions/countries";
import { missionsTableSpec } from "@/app/(app)/missions/search-params";
import { parseTableQuery } from "@/components/data-table/spec";
import {
  listAddableMinistries,
  listAddableOrganizations,
  listMissionMinistries,
  listMissionOrganizations,
} from "@/db/queries/mission-links";
import { getMission, listMissionContributions, listMissionCountries, listMissions, missionScope } from "@/db/queries/missions";
import { rowsOf } from "@/db";
import { auditLog, contributions, ministries, missionOrganizations, missions, organizations, type Mission } from "@/db/schema";
import { currentYear } from "@/lib/years";
import { actAs } from "../helpers/acting-user";
import { fingerprint, setupTestDatabase } from "../helpers/test-db";
import { latvianOrder } from "../helpers/latvian-order";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/acting-user")).sessionModule);
vi.mock("@/lib/request", async (orig) => ({ ...(await orig<object>()), requestId: async () => "req-missions-test" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { db } = setupTestDatabase("demo");

const GENEVA = "Permanent Mission of Latvia to the UN and the WTO (Geneva)";
const ROME = "Permanent Representation of Latvia to FAO (Rome)";

const query = (params: Record<string, string> = {}) => parseTableQuery(missionsTableSpec, params);
const missionNamed = async (nameEn: string) => (await db.select().from(missions).where(eq(missions.nameEn, nameEn)))[0]!;
const organizationId = async (acronym: string) => (await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.acronym, acronym)))[0]!.id;
const ministryId = async (code: string) => (await db.select({ id: ministries.id }).from(ministries).where(eq(ministries.code, code)))[0]!.id;
const lastAudit = async (entityId: number) =>
  (await db.select().from(auditLog).where(and(eq(auditLog.entity, "missions"), eq(auditLog.entityId, String(entityId)))).orderBy(desc(auditLog.id)).limit(1))[0];
const auditCount = async (entityId: number) =>
  (await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entity, "missions"), eq(auditLog.entityId, String(entityId)))))[0]!.n;

function fields(overrides: Record<string, string> = {}) {
  return {
    nameLv: "Latvijas Republikas pastāvīgā pārstāvniecība Testā",
    nameEn: "Permanent Mission of Latvia (Test)",
    city: "Testa pilsēta",
    countryCode: "DE",
    address: "",
    headOfMission: "Anna Testa",
    email: "test@mfa.gov.lv",
    phone: "",
    website: "https://www.mfa.gov.lv/test",
    openedOn: "2020-01-15",
    closedOn: "",
    notes: "",
    ...overrides,
  };
}

/** A fresh mission of this test's own, created as the unscoped editor. */
async function newMission(overrides: Record<string, string> = {}): Promise<Mission> {
  await actAs(db, "editor");
  const result = await createMission(fields({ nameEn: `Test mission ${Math.random().toString(36).slice(2)}`, ...overrides }));
  if (!result.ok) throw new Error(`create failed: ${JSON.stringify(result)}`);
  return (await getMission({ id: result.data.id }))!;
}

const editPayload = (mission: Mission, overrides: Record<string, string | number> = {}) => ({
  ...fields({ nameLv: mission.nameLv, nameEn: mission.nameEn, city: mission.city, countryCode: mission.countryCode }),
  id: mission.id,
  version: mission.version,
  ...overrides,
});

beforeAll(async () => {
  // Signing in stamps the user's row: do it once up front, so that "nothing changed" means the action.
  for (const who of ["admin", "editor", "zmEditor", "viewer"] as const) await actAs(db, who);
});
beforeEach(async () => {
  await actAs(db, null);
});

describe("queries", () => {
  it("lists active missions with the organizations they cover, sorted by name", async () => {
    const { rows, total } = await listMissions({ query: query(), locale: "lv" });
    expect(total).toBe(10);
    const names = rows.map((r) => r.nameLv);
    expect(names).toEqual([...names].sort(latvianOrder));
    const geneva = rows.find((r) => r.nameEn === GENEVA)!;
    expect(geneva).toMatchObject({ city: "Geneva", countryCode: "CH", organizationCount: 5, organizationAcronyms: "ACWL, OHCHR, UN, UNHCR, WTO" });
  });

  it("sorts the name in the user's language and the country by its name there", async () => {
    const en = await listMissions({ query: query({ sort: "name" }), locale: "en" });
    expect(en.rows.map((r) => r.nameEn)).toEqual([...en.rows.map((r) => r.nameEn)].sort(latvianOrder));
    const byCountry = await listMissions({ query: query({ sort: "country" }), locale: "lv", countryOrder: countryOrder("lv") });
    // "Amerikas Savienotās Valstis" comes first in Latvian, though its code (US) is last.
    expect(byCountry.rows[0]!.countryCode).toBe("US");
    const desc = await listMissions({ query: query({ sort: "organizations.desc" }), locale: "lv" });
    expect(desc.rows[0]!.organizationCount).toBeGreaterThanOrEqual(desc.rows.at(-1)!.organizationCount);
  });

  it("filters by country and searches name, city and head of mission", async () => {
    expect((await listMissions({ query: query({ country: "FR" }), locale: "lv" })).total).toBe(3);
    expect((await listMissions({ query: query({ q: "ženēv" }), locale: "lv" })).rows.map((r) => r.nameEn)).toEqual([GENEVA]);
    expect((await listMissions({ query: query({ q: "Rome" }), locale: "lv" })).rows.map((r) => r.nameEn)).toEqual([ROME]);
    expect((await listMissions({ query: query({ q: "Pelšs" }), locale: "lv" })).total).toBe(2);
    expect((await listMissions({ query: query({ q: "100%_" }), locale: "lv" })).total).toBe(0);
  });

  it("pages, and counts past the last page", async () => {
    const page = await listMissions({ query: query({ perPage: "10", page: "2" }), locale: "lv" });
    expect(page).toEqual({ rows: [], total: 10 });
  });

  it("lists the countries that have a mission", async () => {
    expect(await listMissionCountries()).toEqual(["AT", "BE", "CH", "FR", "IT", "NL", "US"]);
  });

  it("lists the covered organizations, the addable ones and the ministries", async () => {
    const rome = await missionNamed(ROME);
    expect((await listMissionOrganizations({ missionId: rome.id })).map((o) => o.acronym)).toEqual(["FAO", "WFP"]);
    const addable = (await listAddableOrganizations({ missionId: rome.id })).map((o) => o.acronym);
    expect(addable).not.toContain("FAO");
    expect(addable).toContain("WTO");
    expect(await listMissionMinistries({ missionId: rome.id })).toEqual([]);
    expect((await listAddableMinistries({ missionId: rome.id })).length).toBe(14);
  });

  it("totals the covered organizations' contributions of the year in SQL, without cancelled lines", async () => {
    const geneva = await missionNamed(GENEVA);
    const year = currentYear();
    const before = await listMissionContributions({ missionId: geneva.id, year });
    expect(before.rows.length).toBeGreaterThan(0);
    for (const row of before.rows) expect(["ACWL", "OHCHR", "UN", "UNHCR", "WTO"]).toContain(row.acronym);
    const expected = await db.execute(
      sql`select coalesce(sum(c.amount_eur), 0)::numeric(18,2)::text as t from contributions c join mission_organizations mo on mo.organization_id = c.organization_id where mo.mission_id = ${geneva.id} and c.year = ${year} and c.status <> 'cancelled'`,
    );
    expect(before.totalEur).toBe(rowsOf<{ t: string }>(expected)[0]!.t);
    const wto = await organizationId("WTO");
    const inserted = await db.insert(contributions).values([
      { organizationId: wto, year, kind: "voluntary", currency: "EUR", amount: "1000.10", amountEur: "1000.10", status: "cancelled" },
      { organizationId: wto, year, kind: "voluntary", currency: "EUR", amount: "0.20", amountEur: "0.20", status: "planned" },
    ]).returning({ id: contributions.id });
    const after = await listMissionContributions({ missionId: geneva.id, year });
    expect(after.rows.length).toBe(before.rows.length + 2);
    expect(Number(after.totalEur) * 100 - Number(before.totalEur) * 100).toBeCloseTo(20, 5);
    await db.delete(contributions).where(inArray(contributions.id, inserted.map((row) => row.id)));
  });

  it("scopes missions to Ārlietu ministrija; a missing mission has no scope", async () => {
    const am = await ministryId("am");
    expect(await missionScope(db)).toEqual({ ministryIds: [am] });
    expect(await missionScope(db, (await missionNamed(ROME)).id)).toEqual({ ministryIds: [am] });
    expect(await missionScope(db, 999_999)).toBeNull();
  });
});

describe("create and edit", () => {
  it("creates a mission with its audit row; archived and new ones show in the right lists", async () => {
    await actAs(db, "editor");
    const result = await createMission(fields({ nameEn: "Created by the editor", countryCode: "de" }));
    expect(result.ok).toBe(true);
    const id = (result as { data: { id: number } }).data.id;
    const row = await getMission({ id });
    expect(row).toMatchObject({ nameEn: "Created by the editor", countryCode: "DE", address: null, email: "test@mfa.gov.lv", openedOn: "2020-01-15", closedOn: null });
    expect(await lastAudit(id)).toMatchObject({ action: "create", before: null, requestId: "req-missions-test" });
    expect(((await lastAudit(id))!.after as { nameEn: string }).nameEn).toBe("Created by the editor");
    expect((await listMissions({ query: query({ q: "Created by the editor" }), locale: "en" })).total).toBe(1);
  });

  it("lets admins create; the ZM editor gets not_found, the viewer forbidden, nobody unauthorized, and nothing changes", async () => {
    await actAs(db, "admin");
    expect((await createMission(fields({ nameEn: "By the admin" }))).ok).toBe(true);
    const snapshot = await fingerprint(db);
    await actAs(db, "zmEditor");
    expect(await createMission(fields())).toEqual({ ok: false, error: "not_found" });
    await actAs(db, "viewer");
    expect(await createMission(fields())).toEqual({ ok: false, error: "forbidden" });
    await actAs(db, null);
    expect(await createMission(fields())).toEqual({ ok: false, error: "unauthorized" });
    expect(await fingerprint(db)).toEqual(snapshot);
  });

  it("answers field errors under their fields and writes nothing", async () => {
    await actAs(db, "editor");
    const snapshot = await fingerprint(db);
    const result = await createMission(
      fields({ nameLv: " ", email: "not-an-address", website: "javascript:alert(1)", countryCode: "XX", openedOn: "2020-02-30", closedOn: "" }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { nameLv: ["required"], email: ["email"], website: ["format"], countryCode: ["choice"], openedOn: ["format"] },
    });
    const order = await createMission(fields({ openedOn: "2021-05-01", closedOn: "2021-04-30" }));
    expect(order).toEqual({ ok: false, error: "invalid", fieldErrors: { closedOn: ["dateOrder"] } });
    const extra = await createMission({ ...fields(), archivedAt: null });
    expect(extra).toMatchObject({ ok: false, error: "invalid", fieldErrors: { _form: ["unknownKeys"] } });
    expect(await fingerprint(db)).toEqual(snapshot);
  });

  it("updates with a version bump and an audit row holding both states", async () => {
    const mission = await newMission();
    const result = await updateMission(editPayload(mission, { city: "Jaunā pilsēta", closedOn: "2030-01-01" }));
    expect(result).toEqual({ ok: true, data: { version: mission.version + 1 } });
    expect(await getMission({ id: mission.id })).toMatchObject({ city: "Jaunā pilsēta", closedOn: "2030-01-01", version: mission.version + 1 });
    const entry = await lastAudit(mission.id);
    expect(entry).toMatchObject({ action: "update" });
    expect((entry!.before as Mission).city).toBe(mission.city);
    expect((entry!.after as Mission).city).toBe("Jaunā pilsēta");
  });

  it("answers a stale version with conflict and the mission as saved, and changes nothing", async () => {
    const mission = await newMission();
    expect((await updateMission(editPayload(mission, { city: "Pirmā" }))).ok).toBe(true);
    const snapshot = await fingerprint(db);
    const stale = await updateMission(editPayload(mission, { city: "Otrā" }));
    expect(stale).toMatchObject({ ok: false, error: "conflict", current: { id: mission.id, city: "Pirmā", version: mission.version + 1 } });
    expect(await fingerprint(db)).toEqual(snapshot);
  });

  it("refuses edits by the ZM editor (not_found) and the viewer (forbidden); a missing mission is not_found", async () => {
    const mission = await newMission();
    const snapshot = await fingerprint(db);
    await actAs(db, "zmEditor");
    expect(await updateMission(editPayload(mission, { city: "ZM" }))).toEqual({ ok: false, error: "not_found" });
    await actAs(db, "viewer");
    expect(await updateMission(editPayload(mission, { city: "Skatītājs" }))).toEqual({ ok: false, error: "forbidden" });
    await actAs(db, "admin");
    expect(await updateMission(editPayload(mission, { id: 999_999 }))).toEqual({ ok: false, error: "not_found" });
    expect(await updateMission(editPayload(mission, { closedOn: "2019-01-01" }))).toEqual({ ok: false, error: "invalid", fieldErrors: { closedOn: ["dateOrder"] } });
    expect(await fingerprint(db)).toEqual(snapshot);
  });
});

describe("archive, restore and delete", () => {
  it("archives and restores with audit rows; the list hides archived missions unless asked", async () => {
    const mission = await newMission({ nameEn: "To be archived" });
    const archived = await archiveMission({ id: mission.id, version: mission.version });
    expect(archived).toEqual({ ok: true, data: { version: mission.version + 1 } });
    expect((await getMission({ id: mission.id }))!.archivedAt).toBeInstanceOf(Date);
    expect(await lastAudit(mission.id)).toMatchObject({ action: "archive" });
    expect((await listMissions({ query: query({ q: "To be archived" }), locale: "en" })).total).toBe(0);
    expect((await listMissions({ query: query({ q: "To be archived", status: "archived" }), locale: "en" })).total).toBe(1);
    expect((await listMissions({ query: query({ q: "To be archived", status: "all" }), locale: "en" })).total).toBe(1);
    expect((await listMissions({ query: query({ status: "archived" }), locale: "en" })).rows.every((r) => r.archivedAt)).toBe(true);

    expect(await archiveMission({ id: mission.id, version: mission.version })).toMatchObject({ ok: false, error: "conflict" });
    const restored = await restoreMission({ id: mission.id, version: mission.version + 1 });
    expect(restored).toEqual({ ok: true, data: { version: mission.version + 2 } });
    expect((await getMission({ id: mission.id }))!.archivedAt).toBeNull();
    expect(await lastAudit(mission.id)).toMatchObject({ action: "restore" });
    expect((await listMissions({ query: query({ q: "To be archived" }), locale: "en" })).total).toBe(1);
  });

  it("refuses archive and restore outside the scope and for viewers", async () => {
    const mission = await newMission();
    const snapshot = await fingerprint(db);
    await actAs(db, "zmEditor");
    expect(await archiveMission({ id: mission.id, version: mission.version })).toEqual({ ok: false, error: "not_found" });
    expect(await restoreMission({ id: mission.id, version: mission.version })).toEqual({ ok: false, error: "not_found" });
    await actAs(db, "viewer");
    expect(await archiveMission({ id: mission.id, version: mission.version })).toEqual({ ok: false, error: "forbidden" });
    expect(await fingerprint(db)).toEqual(snapshot);
  });

  it("deletes an unreferenced mission (admin only) and refuses a referenced one with in_use", async () => {
    const mission = await newMission();
    const rome = await missionNamed(ROME);
    const snapshot = await fingerprint(db);
    await actAs(db, "editor");
    expect(await deleteMission({ id: mission.id, version: mission.version })).toEqual({ ok: false, error: "forbidden" });
    await actAs(db, "zmEditor");
    expect(await deleteMission({ id: mission.id, version: mission.version })).toEqual({ ok: false, error: "forbidden" });
    await actAs(db, "admin");
    expect(await deleteMission({ id: rome.id, version: rome.version })).toMatchObject({ ok: false, error: "in_use" });
    expect(await deleteMission({ id: mission.id, version: mission.version + 5 })).toMatchObject({ ok: false, error: "conflict" });
    expect(await fingerprint(db)).toEqual(snapshot);

    expect(await deleteMission({ id: mission.id, version: mission.version })).toEqual({ ok: true, data: { id: mission.id } });
    expect(await getMission({ id: mission.id })).toBeNull();
    expect(await lastAudit(mission.id)).toMatchObject({ action: "delete", after: null });
  });
});

describe("organizations and ministries of a mission", () => {
  let fao: number;
  let wfp: number;
  let aim: number;
  beforeAll(async () => {
    fao = await organizationId("FAO");
    wfp = await organizationId("WFP");
    aim = await ministryId("aim");
  });

  it("adds and removes an organization, auditing the list against the mission", async () => {
    const mission = await newMission();
    expect(await addMissionOrganization({ missionId: mission.id, organizationId: String(wfp) })).toEqual({ ok: true, data: { missionId: mission.id } });
    expect(await addMissionOrganization({ missionId: String(mission.id), organizationId: String(fao) })).toMatchObject({ ok: true });
    expect(await lastAudit(mission.id)).toMatchObject({
      action: "add_organization",
      before: { organizations: ["WFP"] },
      after: { organizations: ["FAO", "WFP"] },
    });
    expect((await listMissionOrganizations({ missionId: mission.id })).map((o) => o.acronym)).toEqual(["FAO", "WFP"]);
    // The link does not touch the mission's own version: an open edit form stays valid.
    expect((await getMission({ id: mission.id }))!.version).toBe(mission.version);

    // Referenced now: the hard delete is refused.
    await actAs(db, "admin");
    expect(await deleteMission({ id: mission.id, version: mission.version })).toMatchObject({ ok: false, error: "in_use" });

    await actAs(db, "editor");
    expect(await removeMissionOrganization({ missionId: mission.id, organizationId: fao })).toEqual({ ok: true, data: { missionId: mission.id } });
    expect(await lastAudit(mission.id)).toMatchObject({
      action: "remove_organization",
      before: { organizations: ["FAO", "WFP"] },
      after: { organizations: ["WFP"] },
    });
    expect(await removeMissionOrganization({ missionId: mission.id, organizationId: fao })).toEqual({ ok: false, error: "not_found" });
  });

  it("refuses duplicates, archived organizations and an empty choice as field errors", async () => {
    const mission = await newMission();
    await addMissionOrganization({ missionId: mission.id, organizationId: String(fao) });
    const [archived] = await db
      .insert(organizations)
      .values({ acronym: `ARCH${Date.now() % 100000}`, nameLv: "Arhivēta", nameEn: "Archived", archivedAt: new Date() })
      .returning();
    const audits = await auditCount(mission.id);
    expect(await addMissionOrganization({ missionId: mission.id, organizationId: String(fao) })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { organizationId: ["choice"] },
    });
    expect(await addMissionOrganization({ missionId: mission.id, organizationId: String(archived!.id) })).toMatchObject({
      fieldErrors: { organizationId: ["choice"] },
    });
    expect(await addMissionOrganization({ missionId: mission.id, organizationId: "" })).toMatchObject({ fieldErrors: { organizationId: ["choice"] } });
    expect(await addMissionOrganization({ missionId: mission.id, organizationId: "999999" })).toMatchObject({ fieldErrors: { organizationId: ["choice"] } });
    expect((await listAddableOrganizations({ missionId: mission.id })).map((o) => o.id)).not.toContain(archived!.id);
    expect(await auditCount(mission.id)).toBe(audits);
  });

  it("refuses link changes by the ZM editor (not_found) and the viewer (forbidden)", async () => {
    const mission = await newMission();
    await addMissionOrganization({ missionId: mission.id, organizationId: String(fao) });
    await addMissionMinistry({ missionId: mission.id, ministryId: String(aim), note: "" });
    const snapshot = await fingerprint(db);
    for (const who of ["zmEditor", "viewer"] as const) {
      await actAs(db, who);
      const expected = { ok: false, error: who === "viewer" ? "forbidden" : "not_found" };
      expect(await addMissionOrganization({ missionId: mission.id, organizationId: String(wfp) })).toEqual(expected);
      expect(await removeMissionOrganization({ missionId: mission.id, organizationId: fao })).toEqual(expected);
      expect(await addMissionMinistry({ missionId: mission.id, ministryId: String(await ministryId("zm")), note: "" })).toEqual(expected);
      expect(await removeMissionMinistry({ missionId: mission.id, ministryId: aim })).toEqual(expected);
    }
    await actAs(db, "editor");
    expect(await addMissionOrganization({ missionId: 999_999, organizationId: String(wfp) })).toEqual({ ok: false, error: "not_found" });
    expect(await fingerprint(db)).toEqual(snapshot);
  });

  it("adds a ministry with a note and removes it, auditing codes and the note against the mission", async () => {
    const mission = await newMission();
    const zm = await ministryId("zm");
    expect(await addMissionMinistry({ missionId: mission.id, ministryId: String(aim), note: "  Aizsardzības atašejs " })).toEqual({
      ok: true,
      data: { missionId: mission.id },
    });
    expect(await addMissionMinistry({ missionId: mission.id, ministryId: String(zm), note: "" })).toMatchObject({ ok: true });
    expect(await lastAudit(mission.id)).toMatchObject({
      action: "add_ministry",
      before: { ministries: ["aim"], ministryNote: null },
      after: { ministries: ["aim", "zm"], ministryNote: null },
    });
    expect(await listMissionMinistries({ missionId: mission.id })).toEqual([
      expect.objectContaining({ code: "aim", note: "Aizsardzības atašejs" }),
      expect.objectContaining({ code: "zm", note: null }),
    ]);
    expect((await listAddableMinistries({ missionId: mission.id })).map((m) => m.code)).not.toContain("aim");
    expect(await addMissionMinistry({ missionId: mission.id, ministryId: String(aim), note: "" })).toMatchObject({ fieldErrors: { ministryId: ["choice"] } });
    expect(await addMissionMinistry({ missionId: mission.id, ministryId: String(zm), note: "x".repeat(501) })).toMatchObject({ fieldErrors: { note: ["tooLong:500"] } });

    expect(await removeMissionMinistry({ missionId: mission.id, ministryId: aim })).toMatchObject({ ok: true });
    expect(await lastAudit(mission.id)).toMatchObject({
      action: "remove_ministry",
      before: { ministries: ["aim", "zm"], ministryNote: "Aizsardzības atašejs" },
      after: { ministries: ["zm"], ministryNote: null },
    });
    expect(await removeMissionMinistry({ missionId: mission.id, ministryId: aim })).toEqual({ ok: false, error: "not_found" });
    expect(await db.select().from(missionOrganizations).where(eq(missionOrganizations.missionId, mission.id))).toEqual([]);
  });
});
