import { and, count, desc, eq, isNull } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createMinistry,
  createProgramme,
  deleteMinistry,
  deleteProgramme,
  setMinistryActive,
  updateMinistry,
  updateProgramme,
} from "@/app/(app)/ministries/actions";
import { ministriesTableSpec, programmesTableSpec } from "@/app/(app)/ministries/search-params";
import { parseTableQuery } from "@/components/data-table/spec";
import {
  getMinistry,
  getMinistryCounts,
  getProgramme,
  listMinistries,
  listMinistryProgrammes,
  listMinistryResponsibilities,
  ministryScope,
  programmeScope,
} from "@/db/queries/ministries";
import { auditLog, budgetProgrammes, contributions, ministries, organizationResponsibilities, organizations, type BudgetProgramme } from "@/db/schema";
import { actAs } from "../helpers/acting-user";
import { fingerprint, setupTestDatabase } from "../helpers/test-db";
import { latvianOrder } from "../helpers/latvian-order";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/acting-user")).sessionModule);
vi.mock("@/lib/request", async (orig) => ({ ...(await orig<object>()), requestId: async () => "req-ministries-test" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { db } = setupTestDatabase("demo");

const ministriesQuery = (params: Record<string, string> = {}) => parseTableQuery(ministriesTableSpec, params);
const programmesQuery = (params: Record<string, string> = {}) => parseTableQuery(programmesTableSpec, params);
const ministryId = async (code: string) => (await db.select({ id: ministries.id }).from(ministries).where(eq(ministries.code, code)))[0]!.id;
const programmeOf = async (code: string, programmeCode: string) =>
  (await db.select().from(budgetProgrammes).where(and(eq(budgetProgrammes.ministryId, await ministryId(code)), eq(budgetProgrammes.code, programmeCode))))[0]!;
const lastAudit = async (entity: string, entityId: number) =>
  (await db.select().from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(entityId)))).orderBy(desc(auditLog.id)).limit(1))[0];
const auditCount = async (entity: string, entityId: number) =>
  (await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(entityId)))))[0]!.n;

let serial = 0;
/** A code of this test's own: lowercase, unique in the file. */
const newCode = () => `t${Date.now().toString(36).slice(-5)}${serial++}`;

async function newMinistry(): Promise<NonNullable<Awaited<ReturnType<typeof getMinistry>>>> {
  await actAs(db, "admin");
  const code = newCode();
  const result = await createMinistry({ code, nameLv: `Testa ministrija ${code}`, nameEn: `Test ministry ${code}` });
  if (!result.ok) throw new Error(`create failed: ${JSON.stringify(result)}`);
  return (await getMinistry({ id: result.data.id }))!;
}

let programmeSerial = 10;
const programmeFields = (overrides: Record<string, string> = {}) => ({
  code: `77.${String(programmeSerial++ % 100).padStart(2, "0")}.00`,
  nameLv: "Testa programma",
  nameEn: "Test programme",
  validFromYear: "2024",
  validToYear: "",
  ...overrides,
});

/** A fresh programme of Zemkopības ministrija, created by its own editor. */
async function newZmProgramme(overrides: Record<string, string> = {}): Promise<BudgetProgramme> {
  await actAs(db, "zmEditor");
  const result = await createProgramme({ ministryId: String(await ministryId("zm")), ...programmeFields(overrides) });
  if (!result.ok) throw new Error(`create failed: ${JSON.stringify(result)}`);
  return (await getProgramme({ id: result.data.id }))!;
}

const programmeEdit = (p: BudgetProgramme, overrides: Record<string, string | number> = {}) => ({
  id: p.id,
  version: p.version,
  code: p.code,
  nameLv: p.nameLv,
  nameEn: p.nameEn,
  validFromYear: String(p.validFromYear),
  validToYear: p.validToYear === null ? "" : String(p.validToYear),
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
  it("lists the ministries with the organizations they lead and their programme counts", async () => {
    const { rows, total } = await listMinistries({ query: ministriesQuery({ perPage: "100" }), locale: "lv" });
    expect(total).toBe(14);
    const names = rows.map((r) => r.nameLv);
    // Latvian order (db/queries/table.ts latvianSortKey), the same on PostgreSQL and PGlite.
    expect(names).toEqual([...names].sort(latvianOrder));
    const am = rows.find((r) => r.code === "am")!;
    expect(am).toMatchObject({ nameLv: "Ārlietu ministrija", active: true, programmeCount: 3 });
    const zm = rows.find((r) => r.code === "zm")!;
    expect(zm.programmeCount).toBe(1);
    // The lead count is every current lead of a live organization, computed here independently.
    const [leads] = await db
      .select({ n: count() })
      .from(organizationResponsibilities)
      .innerJoin(organizations, eq(organizations.id, organizationResponsibilities.organizationId))
      .where(and(eq(organizationResponsibilities.ministryId, zm.id), eq(organizationResponsibilities.role, "lead"), isNull(organizationResponsibilities.validTo), isNull(organizations.archivedAt)));
    expect(zm.leadCount).toBe(leads!.n);
    expect(zm.leadCount).toBeGreaterThan(0);
    expect(await getMinistryCounts({ ministryId: zm.id })).toEqual({ leadCount: zm.leadCount, programmeCount: 1 });
  });

  it("sorts by the name in the user's language and by the counts; searches code and both names", async () => {
    const en = await listMinistries({ query: ministriesQuery({ perPage: "100" }), locale: "en" });
    expect(en.rows.map((r) => r.nameEn)).toEqual([...en.rows.map((r) => r.nameEn)].sort(latvianOrder));
    const byProgrammes = await listMinistries({ query: ministriesQuery({ sort: "programmes.desc" }), locale: "lv" });
    expect(byProgrammes.rows[0]!.code).toBe("am");
    const byLeads = await listMinistries({ query: ministriesQuery({ sort: "organizations.desc", perPage: "100" }), locale: "lv" });
    const counts = byLeads.rows.map((r) => r.leadCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect((await listMinistries({ query: ministriesQuery({ q: "zemkop" }), locale: "lv" })).rows.map((r) => r.code)).toEqual(["zm"]);
    expect((await listMinistries({ query: ministriesQuery({ q: "Agriculture" }), locale: "lv" })).rows.map((r) => r.code)).toEqual(["zm"]);
    expect((await listMinistries({ query: ministriesQuery({ q: "varam" }), locale: "lv" })).total).toBe(1);
    expect((await listMinistries({ query: ministriesQuery({ q: "100%_" }), locale: "lv" })).total).toBe(0);
    expect(await listMinistries({ query: ministriesQuery({ perPage: "10", page: "3" }), locale: "lv" })).toMatchObject({ rows: [], total: 14 });
  });

  it("lists a ministry's programmes, sorted, searched and paged", async () => {
    const am = await ministryId("am");
    const all = await listMinistryProgrammes({ ministryId: am, query: programmesQuery(), locale: "lv" });
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.code)).toEqual(["01.00.00", "01.03.00", "01.04.00"]);
    const desc = await listMinistryProgrammes({ ministryId: am, query: programmesQuery({ pSort: "code.desc" }), locale: "lv" });
    expect(desc.rows[0]!.code).toBe("01.04.00");
    // Only the prefixed keys belong to this table: the page's own "sort" is not its sort.
    const unprefixed = await listMinistryProgrammes({ ministryId: am, query: programmesQuery({ sort: "code.desc" }), locale: "lv" });
    expect(unprefixed.rows[0]!.code).toBe("01.00.00");
    const searched = await listMinistryProgrammes({ ministryId: am, query: programmesQuery({ pQ: "missions abroad" }), locale: "en" });
    expect(searched.rows.map((r) => r.code)).toEqual(["01.04.00"]);
    expect(await listMinistryProgrammes({ ministryId: am, query: programmesQuery({ pPerPage: "10", pPage: "2" }), locale: "lv" })).toEqual({ rows: [], total: 3 });
  });

  it("lists what a ministry answers for now, leads first", async () => {
    const zm = await ministryId("zm");
    const rows = await listMinistryResponsibilities({ ministryId: zm });
    expect(rows.map((r) => r.acronym)).toContain("FAO");
    expect(rows.find((r) => r.acronym === "FAO")!.role).toBe("lead");
    const roles = rows.map((r) => r.role);
    expect(roles).toEqual([...roles].sort((a, b) => ["lead", "co_responsible", "paying"].indexOf(a) - ["lead", "co_responsible", "paying"].indexOf(b)));
    const [current] = await db
      .select({ n: count() })
      .from(organizationResponsibilities)
      .where(and(eq(organizationResponsibilities.ministryId, zm), isNull(organizationResponsibilities.validTo)));
    expect(rows.length).toBe(current!.n);
  });

  it("scopes a programme to its ministry; missing records have no scope", async () => {
    const zm = await ministryId("zm");
    expect(await ministryScope(db, zm)).toEqual({ ministryIds: [zm] });
    expect(await ministryScope(db, 999_999)).toBeNull();
    expect(await programmeScope(db, (await programmeOf("zm", "24.03.00")).id)).toEqual({ ministryIds: [zm] });
    expect(await programmeScope(db, 999_999)).toBeNull();
  });
});

describe("ministries: admin only", () => {
  it("creates a ministry (code lowercased) with its audit row", async () => {
    await actAs(db, "admin");
    const code = newCode();
    const result = await createMinistry({ code: ` ${code.toUpperCase()} `, nameLv: "Jaunā ministrija", nameEn: "New ministry" });
    expect(result.ok).toBe(true);
    const id = (result as { data: { id: number } }).data.id;
    expect(await getMinistry({ id })).toMatchObject({ code, nameLv: "Jaunā ministrija", active: true, version: 1 });
    const entry = await lastAudit("ministries", id);
    expect(entry).toMatchObject({ action: "create", before: null, requestId: "req-ministries-test" });
    expect((entry!.after as { code: string }).code).toBe(code);
  });

  it("refuses a bad or taken code under the code field, and unknown keys, writing nothing", async () => {
    await actAs(db, "admin");
    const snapshot = await fingerprint(db);
    expect(await createMinistry({ code: "1zm", nameLv: "X", nameEn: "X" })).toEqual({ ok: false, error: "invalid", fieldErrors: { code: ["ministryCode"] } });
    expect(await createMinistry({ code: "zm ministrija", nameLv: "X", nameEn: "X" })).toMatchObject({ fieldErrors: { code: ["ministryCode"] } });
    expect(await createMinistry({ code: "ZM", nameLv: "X", nameEn: "X" })).toEqual({ ok: false, error: "invalid", fieldErrors: { code: ["codeTaken"] } });
    expect(await createMinistry({ code: "", nameLv: " ", nameEn: "X" })).toMatchObject({ fieldErrors: { code: ["required", "ministryCode"], nameLv: ["required"] } });
    expect(await createMinistry({ code: newCode(), nameLv: "X", nameEn: "X", active: false })).toMatchObject({ fieldErrors: { _form: ["unknownKeys"] } });
    expect(await fingerprint(db)).toEqual(snapshot);
  });

  it("refuses editors (scoped or not) and viewers with forbidden, and anonymous callers; nothing changes", async () => {
    const ministry = await newMinistry();
    const snapshot = await fingerprint(db);
    for (const who of ["editor", "zmEditor", "viewer"] as const) {
      await actAs(db, who);
      expect(await createMinistry({ code: newCode(), nameLv: "X", nameEn: "X" })).toEqual({ ok: false, error: "forbidden" });
      expect(await updateMinistry({ id: ministry.id, version: ministry.version, nameLv: "Pārņemta", nameEn: "Taken" })).toEqual({ ok: false, error: "forbidden" });
      expect(await setMinistryActive({ id: ministry.id, version: ministry.version, active: false })).toEqual({ ok: false, error: "forbidden" });
      expect(await deleteMinistry({ id: ministry.id, version: ministry.version })).toEqual({ ok: false, error: "forbidden" });
    }
    await actAs(db, null);
    expect(await updateMinistry({ id: ministry.id, version: ministry.version, nameLv: "X", nameEn: "X" })).toEqual({ ok: false, error: "unauthorized" });
    expect(await fingerprint(db)).toEqual(snapshot);
  });

  it("updates the names with a version bump and an audit row; an unchanged save writes nothing", async () => {
    const ministry = await newMinistry();
    const result = await updateMinistry({ id: ministry.id, version: ministry.version, nameLv: "Pārdēvēta ministrija", nameEn: ministry.nameEn });
    expect(result).toEqual({ ok: true, data: { version: ministry.version + 1 } });
    expect(await getMinistry({ id: ministry.id })).toMatchObject({ nameLv: "Pārdēvēta ministrija", code: ministry.code, version: ministry.version + 1 });
    const entry = await lastAudit("ministries", ministry.id);
    expect(entry).toMatchObject({ action: "update" });
    expect((entry!.before as { nameLv: string }).nameLv).toBe(ministry.nameLv);
    expect((entry!.after as { nameLv: string }).nameLv).toBe("Pārdēvēta ministrija");
    const audits = await auditCount("ministries", ministry.id);
    expect(await updateMinistry({ id: ministry.id, version: ministry.version + 1, nameLv: "Pārdēvēta ministrija", nameEn: ministry.nameEn })).toEqual({
      ok: true,
      data: { version: ministry.version + 1 },
    });
    expect(await auditCount("ministries", ministry.id)).toBe(audits);
    // The code is fixed: the edit schema has no such key.
    expect(await updateMinistry({ id: ministry.id, version: ministry.version + 1, code: "other", nameLv: "X", nameEn: "X" })).toMatchObject({ error: "invalid" });
  });

  it("answers a stale version with conflict and the ministry as saved", async () => {
    const ministry = await newMinistry();
    await updateMinistry({ id: ministry.id, version: ministry.version, nameLv: "Pirmā saglabāja", nameEn: ministry.nameEn });
    const snapshot = await fingerprint(db);
    const stale = await updateMinistry({ id: ministry.id, version: ministry.version, nameLv: "Otrā pārraksta", nameEn: ministry.nameEn });
    expect(stale).toMatchObject({ ok: false, error: "conflict", current: { id: ministry.id, nameLv: "Pirmā saglabāja", version: ministry.version + 1 } });
    expect(await fingerprint(db)).toEqual(snapshot);
    expect(await updateMinistry({ id: 999_999, version: 1, nameLv: "X", nameEn: "X" })).toEqual({ ok: false, error: "not_found" });
  });

  it("deactivates and activates with their own audit actions; the list filters by status", async () => {
    const ministry = await newMinistry();
    const off = await setMinistryActive({ id: ministry.id, version: ministry.version, active: false });
    expect(off).toEqual({ ok: true, data: { version: ministry.version + 1 } });
    expect(await lastAudit("ministries", ministry.id)).toMatchObject({ action: "deactivate", before: { active: true }, after: { active: false } });
    const inactive = await listMinistries({ query: ministriesQuery({ status: "inactive", perPage: "100" }), locale: "lv" });
    expect(inactive.rows.map((r) => r.id)).toContain(ministry.id);
    const active = await listMinistries({ query: ministriesQuery({ status: "active", perPage: "100" }), locale: "lv" });
    expect(active.rows.map((r) => r.id)).not.toContain(ministry.id);
    expect(await setMinistryActive({ id: ministry.id, version: ministry.version + 1, active: true })).toEqual({ ok: true, data: { version: ministry.version + 2 } });
    expect(await lastAudit("ministries", ministry.id)).toMatchObject({ action: "activate" });
    expect((await getMinistry({ id: ministry.id }))!.active).toBe(true);
  });

  it("deletes an unreferenced ministry with an audit row; a referenced one is in_use and stays", async () => {
    const ministry = await newMinistry();
    expect(await deleteMinistry({ id: ministry.id, version: ministry.version })).toEqual({ ok: true, data: { id: ministry.id } });
    expect(await getMinistry({ id: ministry.id })).toBeNull();
    expect(await lastAudit("ministries", ministry.id)).toMatchObject({ action: "delete", after: null, before: { code: ministry.code } });
    const zm = (await getMinistry({ id: await ministryId("zm") }))!;
    const snapshot = await fingerprint(db);
    expect(await deleteMinistry({ id: zm.id, version: zm.version })).toEqual({ ok: false, error: "in_use" });
    expect(await deleteMinistry({ id: zm.id, version: zm.version + 5 })).toMatchObject({ ok: false, error: "conflict" });
    expect(await fingerprint(db)).toEqual(snapshot);
  });
});

describe("budget programmes: editors within their ministry's scope", () => {
  it("lets the ZM editor create a programme of Zemkopības ministrija, audited as budget_programmes", async () => {
    const programme = await newZmProgramme({ code: "24.05.00", validFromYear: "2025", validToYear: "2027" });
    expect(programme).toMatchObject({ code: "24.05.00", ministryId: await ministryId("zm"), validFromYear: 2025, validToYear: 2027, version: 1 });
    const entry = await lastAudit("budget_programmes", programme.id);
    expect(entry).toMatchObject({ action: "create", before: null, after: { code: "24.05.00", ministryId: programme.ministryId } });
  });

  it("answers not_found to the ZM editor for another ministry, forbidden to the viewer; nothing changes", async () => {
    const am = await ministryId("am");
    const amProgramme = await programmeOf("am", "01.04.00");
    const snapshot = await fingerprint(db);
    await actAs(db, "zmEditor");
    expect(await createProgramme({ ministryId: String(am), ...programmeFields() })).toEqual({ ok: false, error: "not_found" });
    expect(await updateProgramme(programmeEdit(amProgramme, { nameLv: "Pārņemta" }))).toEqual({ ok: false, error: "not_found" });
    // Deleting is for admins only, whatever the ministry.
    expect(await deleteProgramme({ id: amProgramme.id, version: amProgramme.version })).toEqual({ ok: false, error: "forbidden" });
    // A ministry that does not exist reads the same as one that is not theirs.
    expect(await createProgramme({ ministryId: "999999", ...programmeFields() })).toEqual({ ok: false, error: "not_found" });
    await actAs(db, "viewer");
    const zm = await ministryId("zm");
    expect(await createProgramme({ ministryId: String(zm), ...programmeFields() })).toEqual({ ok: false, error: "forbidden" });
    expect(await updateProgramme(programmeEdit(amProgramme, { nameLv: "Pārņemta" }))).toEqual({ ok: false, error: "forbidden" });
    expect(await deleteProgramme({ id: amProgramme.id, version: amProgramme.version })).toEqual({ ok: false, error: "forbidden" });
    await actAs(db, null);
    expect(await createProgramme({ ministryId: String(zm), ...programmeFields() })).toEqual({ ok: false, error: "unauthorized" });
    expect(await fingerprint(db)).toEqual(snapshot);
  });

  it("lets unscoped editors and admins keep any ministry's programmes", async () => {
    const am = await ministryId("am");
    await actAs(db, "editor");
    const created = await createProgramme({ ministryId: String(am), ...programmeFields({ code: "01.09.00" }) });
    expect(created.ok).toBe(true);
    await actAs(db, "admin");
    const programme = (await getProgramme({ id: (created as { data: { id: number } }).data.id }))!;
    expect(await updateProgramme(programmeEdit(programme, { nameEn: "Renamed by the admin" }))).toEqual({ ok: true, data: { version: 2, ministryId: am } });
  });

  it("checks the code format and the years under their fields, writing nothing", async () => {
    const zm = String(await ministryId("zm"));
    await actAs(db, "zmEditor");
    const snapshot = await fingerprint(db);
    for (const code of ["1.03.00", "01.03.01", "01-03-00", "01.03.00x", "AB.CD.00"]) {
      expect(await createProgramme({ ministryId: zm, ...programmeFields({ code }) }), code).toEqual({
        ok: false,
        error: "invalid",
        fieldErrors: { code: ["programmeCode"] },
      });
    }
    expect(await createProgramme({ ministryId: zm, ...programmeFields({ validFromYear: "1989" }) })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { validFromYear: ["tooSmall:1990"] },
    });
    expect(await createProgramme({ ministryId: zm, ...programmeFields({ validFromYear: "2024", validToYear: "2101" }) })).toMatchObject({
      fieldErrors: { validToYear: ["tooLarge:2100"] },
    });
    expect(await createProgramme({ ministryId: zm, ...programmeFields({ validFromYear: "2024", validToYear: "2023" }) })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { validToYear: ["yearOrder"] },
    });
    expect(await createProgramme({ ministryId: zm, ...programmeFields({ validFromYear: "" }) })).toMatchObject({ fieldErrors: { validFromYear: ["required", "year"] } });
    expect(await createProgramme({ ministryId: zm, ...programmeFields({ validToYear: "soon" }) })).toMatchObject({ fieldErrors: { validToYear: ["year"] } });
    expect(await createProgramme({ ministryId: zm, ...programmeFields(), id: 1 })).toMatchObject({ fieldErrors: { _form: ["unknownKeys"] } });
    expect(await fingerprint(db)).toEqual(snapshot);
  });

  it("keeps (ministry, code, first year) unique: a field error on the code; other years and ministries are free", async () => {
    const first = await newZmProgramme({ code: "24.07.00", validFromYear: "2020" });
    const snapshot = await fingerprint(db);
    const dup = await createProgramme({ ministryId: String(first.ministryId), ...programmeFields({ code: "24.07.00", validFromYear: "2020" }) });
    expect(dup).toEqual({ ok: false, error: "invalid", fieldErrors: { code: ["programmeTaken"] } });
    expect(await fingerprint(db)).toEqual(snapshot);
    expect((await createProgramme({ ministryId: String(first.ministryId), ...programmeFields({ code: "24.07.00", validFromYear: "2021" }) })).ok).toBe(true);
    await actAs(db, "admin");
    expect((await createProgramme({ ministryId: String(await ministryId("am")), ...programmeFields({ code: "24.07.00", validFromYear: "2020" }) })).ok).toBe(true);
    // Editing another programme into the same key is refused the same way.
    const second = await newZmProgramme({ code: "24.08.00", validFromYear: "2020" });
    expect(await updateProgramme(programmeEdit(second, { code: "24.07.00" }))).toEqual({ ok: false, error: "invalid", fieldErrors: { code: ["programmeTaken"] } });
    expect((await getProgramme({ id: second.id }))!.code).toBe("24.08.00");
  });

  it("updates with a version bump and an audit row of both states; an unchanged save writes nothing", async () => {
    const programme = await newZmProgramme();
    const result = await updateProgramme(programmeEdit(programme, { nameLv: "Labota programma", validToYear: "2030" }));
    expect(result).toEqual({ ok: true, data: { version: 2, ministryId: programme.ministryId } });
    expect(await getProgramme({ id: programme.id })).toMatchObject({ nameLv: "Labota programma", validToYear: 2030, version: 2 });
    const entry = await lastAudit("budget_programmes", programme.id);
    expect(entry).toMatchObject({ action: "update", before: { nameLv: "Testa programma", validToYear: null }, after: { nameLv: "Labota programma", validToYear: 2030 } });
    const audits = await auditCount("budget_programmes", programme.id);
    const again = (await getProgramme({ id: programme.id }))!;
    expect(await updateProgramme(programmeEdit(again))).toEqual({ ok: true, data: { version: 2, ministryId: programme.ministryId } });
    expect(await auditCount("budget_programmes", programme.id)).toBe(audits);
    expect(await updateProgramme(programmeEdit(again, { validToYear: "2019" }))).toEqual({ ok: false, error: "invalid", fieldErrors: { validToYear: ["yearOrder"] } });
  });

  it("answers a stale version with conflict and the programme as saved", async () => {
    const programme = await newZmProgramme();
    await updateProgramme(programmeEdit(programme, { nameEn: "Saved first" }));
    const snapshot = await fingerprint(db);
    const stale = await updateProgramme(programmeEdit(programme, { nameEn: "Would overwrite" }));
    expect(stale).toMatchObject({ ok: false, error: "conflict", current: { id: programme.id, nameEn: "Saved first", version: 2 } });
    await actAs(db, "admin");
    expect(await deleteProgramme({ id: programme.id, version: programme.version })).toMatchObject({ ok: false, error: "conflict" });
    expect(await fingerprint(db)).toEqual(snapshot);
  });

  it("lets an admin delete an unreferenced programme with an audit row; one that contributions are paid from is in_use", async () => {
    const programme = await newZmProgramme();
    const own = await newZmProgramme({ code: "24.09.00" });
    expect(await deleteProgramme({ id: own.id, version: own.version }), "the ministry's own editor does not hard-delete").toEqual({
      ok: false,
      error: "forbidden",
    });
    await actAs(db, "admin");
    expect(await deleteProgramme({ id: programme.id, version: programme.version })).toEqual({ ok: true, data: { id: programme.id, ministryId: programme.ministryId } });
    expect(await getProgramme({ id: programme.id })).toBeNull();
    expect(await lastAudit("budget_programmes", programme.id)).toMatchObject({ action: "delete", after: null, before: { code: programme.code } });
    const used = await programmeOf("zm", "24.03.00");
    const [paid] = await db.select({ n: count() }).from(contributions).where(eq(contributions.budgetProgrammeId, used.id));
    expect(paid!.n).toBeGreaterThan(0);
    const snapshot = await fingerprint(db);
    expect(await deleteProgramme({ id: used.id, version: used.version })).toEqual({ ok: false, error: "in_use" });
    expect(await fingerprint(db)).toEqual(snapshot);
    expect(await getProgramme({ id: used.id })).not.toBeNull();
  });
});
