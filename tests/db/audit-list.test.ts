import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditTableSpec } from "@/app/(app)/admin/audit/search-params";
import { usersTableSpec } from "@/app/(app)/admin/users/search-params";
import { parseTableQuery } from "@/components/data-table/spec";
import { listAudit, recordHistory, writeAudit } from "@/db/queries/audit";
import { latvianSortKey } from "@/db/queries/table";
import { listUsers } from "@/db/queries/users";
import { rowsOf } from "@/db";
import { auditLog, users } from "@/db/schema";
import { setupTestDatabase } from "../helpers/test-db";

const { db } = setupTestDatabase("demo");
const audit = (params: Record<string, string>) => listAudit({ query: parseTableQuery(auditTableSpec, params), db });
let adminId: number;
let viewerId: number;

beforeAll(async () => {
  adminId = (await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@iemaksas.example")))[0]!.id;
  viewerId = (await db.select({ id: users.id }).from(users).where(eq(users.email, "skatitajs@iemaksas.example")))[0]!.id;
  await db.transaction(async (tx) => {
    for (let i = 1; i <= 30; i++) {
      await writeAudit(tx, { userId: adminId, action: "update", entity: "organizations", entityId: 7, before: { notes: `v${i - 1}` }, after: { notes: `v${i}` } });
    }
    await writeAudit(tx, { userId: viewerId, action: "update", entity: "users", entityId: viewerId, before: { name: "A" }, after: { name: "B" } });
    await writeAudit(tx, { userId: adminId, action: "add_organization", entity: "missions", entityId: 3, before: { organizations: [] }, after: { organizations: ["FAO"] } });
  });
  // One entry dated in the past, as if written then (the log itself refuses updates).
  await db.insert(auditLog).values({ at: new Date("2025-03-10T10:00:00Z"), userId: adminId, action: "archive", entity: "missions", entityId: "3" });
});

describe("listAudit", () => {
  it("pages the whole log newest first and counts it in the same query", async () => {
    const [{ n }] = (await db.select({ n: count() }).from(auditLog)) as [{ n: number }];
    const first = await audit({ perPage: "10" });
    expect(first.rows).toHaveLength(10);
    expect(first.total).toBe(n);
    const times = first.rows.map((row) => row.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("filters by entity, record, user and action text; the total follows the filter", async () => {
    const org = await audit({ entity: "organizations", record: "7", perPage: "10", page: "2" });
    expect(org.total).toBe(30);
    expect(org.rows).toHaveLength(10);
    expect(org.rows.every((row) => row.entity === "organizations" && row.entityId === "7")).toBe(true);
    const byViewer = await audit({ user: String(viewerId) });
    expect(byViewer.rows.map((row) => row.userName)).toEqual(["Demo skatītājs"]);
    const searched = await audit({ q: "add_org" });
    expect(searched.rows.map((row) => row.action)).toEqual(["add_organization"]);
  });

  it("filters whole days in Riga time", async () => {
    const day = await audit({ from: "2025-03-10", to: "2025-03-10" });
    expect(day.rows.map((row) => row.action)).toEqual(["archive"]);
    const after = await audit({ from: "2025-03-11", entity: "missions" });
    expect(after.rows.map((row) => row.action)).toEqual(["add_organization"]);
  });

  it("knows the total on a page past the end, where no row carries it", async () => {
    const past = await audit({ entity: "organizations", record: "7", perPage: "10", page: "9" });
    expect(past).toEqual({ rows: [], total: 30 });
  });

  it("sorts by an allowed column and ignores any other", async () => {
    const byAction = await audit({ sort: "action", perPage: "100" });
    const actions = byAction.rows.map((row) => row.action);
    expect(actions).toEqual([...actions].sort());
    const unknown = await audit({ sort: "before", perPage: "5" });
    expect(unknown.rows.map((row) => row.id)).toEqual((await audit({ perPage: "5" })).rows.map((row) => row.id));
  });
});

describe("recordHistory", () => {
  it("returns one record's entries newest first, with the user's name", async () => {
    const rows = await recordHistory({ entity: "missions", entityId: 3, db });
    expect(rows.map((row) => row.action)).toEqual(["add_organization", "archive"]);
    expect(rows[0]).toMatchObject({ userName: "Demo administrators", after: { organizations: ["FAO"] } });
  });
});

describe("listUsers (the users table)", () => {
  const list = (params: Record<string, string>) => listUsers({ query: parseTableQuery(usersTableSpec, params), db });

  it("filters by role and status and searches name or e-mail", async () => {
    expect((await list({ role: "editor" })).rows.map((row) => row.email).sort()).toEqual(["redaktors@iemaksas.example", "zm.redaktors@iemaksas.example"]);
    expect((await list({ q: "skatit" })).rows.map((row) => row.email)).toEqual(["skatitajs@iemaksas.example"]);
    expect((await list({ status: "disabled" })).total).toBe(0);
    // % and _ are literal in a search, not wildcards.
    expect((await list({ q: "%" })).total).toBe(0);
  });

  it("sorts descending by e-mail", async () => {
    const emails = (await list({ sort: "email.desc" })).rows.map((row) => row.email);
    expect(emails).toEqual([...emails].sort().reverse());
  });
});

describe("text sorting", () => {
  it("orders names the Latvian way on this database: Ā with A, Č after C, case ignored", async () => {
    const words = ["Zemkopības", "Ārlietu", "Čehija", "Cipari", "ceļš", "Aizsardzības", "ēka", "Ekonomikas", "Šveice", "Saeima"];
    const values = sql.join(words.map((word) => sql`(${word})`), sql`, `);
    const rows = await db.execute(sql`select w from (values ${values}) as t(w) order by ${latvianSortKey(sql.raw("w"))}`);
    expect(rowsOf<{ w: string }>(rows).map((row) => row.w)).toEqual(["Aizsardzības", "Ārlietu", "ceļš", "Cipari", "Čehija", "ēka", "Ekonomikas", "Saeima", "Šveice", "Zemkopības"]);
  });
});
