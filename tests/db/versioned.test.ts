import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { writeAudit } from "@/db/queries/audit";
import { deleteVersioned, saveVersioned } from "@/db/queries/versioned";
import { auditLog, ministries, organizations } from "@/db/schema";
import type { Tx } from "@/db";
import type { ActionContext } from "@/lib/action";
import { ActionError } from "@/lib/errors";
import { fingerprint, setupTestDatabase } from "../helpers/test-db";

const { db } = setupTestDatabase("demo");

/** What the guard gives an action as `ctx.audit`. */
const audit =
  (tx: Tx): ActionContext["audit"] =>
  (entry) =>
    writeAudit(tx, { ...entry, userId: null, requestId: "req-versioned-test" });

async function organization(acronym: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.acronym, acronym));
  return row!;
}
const auditRows = async (entity: string, id: number) =>
  (await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(id)))))[0]!.n;

async function expectActionError(work: Promise<unknown>, code: string) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  expect((error as ActionError).code).toBe(code);
  return error as ActionError;
}

describe("saveVersioned", () => {
  it("writes the change, counts the version up and audits both states in the same transaction", async () => {
    const before = await organization("WTO");
    const audits = await auditRows("organizations", before.id);
    const result = await db.transaction((tx) =>
      saveVersioned({ tx, audit: audit(tx), table: organizations, id: before.id, version: before.version, set: { hqCity: "Ženēva" } }),
    );
    expect(result.changed).toBe(true);
    expect(result.after.version).toBe(before.version + 1);
    expect(result.after.hqCity).toBe("Ženēva");
    expect(await auditRows("organizations", before.id)).toBe(audits + 1);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityId, String(before.id))).orderBy(auditLog.id).limit(1).offset(audits);
    expect(entry).toMatchObject({ action: "update", entity: "organizations", requestId: "req-versioned-test" });
    expect((entry!.before as { hqCity: string }).hqCity).toBe(before.hqCity);
    expect((entry!.after as { hqCity: string }).hqCity).toBe("Ženēva");
  });

  it("answers a stale version with 'conflict' carrying the row as saved, and changes nothing", async () => {
    const row = await organization("OECD");
    const snapshot = await fingerprint(db);
    const error = await expectActionError(
      db.transaction((tx) =>
        saveVersioned({ tx, audit: audit(tx), table: organizations, id: row.id, version: row.version - 1, set: { hqCity: "Nekur" } }),
      ),
      "conflict",
    );
    expect((error.details.current as { hqCity: string; version: number }).hqCity).toBe(row.hqCity);
    expect((error.details.current as { version: number }).version).toBe(row.version);
    expect(await fingerprint(db)).toEqual(snapshot);
  });

  it("passes the conflict's row through `present` (fields a client must not see stay out)", async () => {
    const row = await organization("OECD");
    const error = await expectActionError(
      db.transaction((tx) =>
        saveVersioned({ tx, audit: audit(tx), table: organizations, id: row.id, version: 0, set: { notes: "x" }, present: (r) => ({ acronym: r.acronym }) }),
      ),
      "conflict",
    );
    expect(error.details.current).toEqual({ acronym: "OECD" });
  });

  it("writes nothing for unchanged values: no version bump, no audit row", async () => {
    const row = await organization("FAO");
    const snapshot = await fingerprint(db);
    const result = await db.transaction((tx) =>
      saveVersioned({ tx, audit: audit(tx), table: organizations, id: row.id, version: row.version, set: { acronym: "FAO", billingCurrencies: row.billingCurrencies } }),
    );
    expect(result.changed).toBe(false);
    expect(await fingerprint(db)).toEqual(snapshot);
  });

  it("answers 'not_found' for a missing id", async () => {
    await expectActionError(
      db.transaction((tx) => saveVersioned({ tx, audit: audit(tx), table: organizations, id: 999_999, version: 1, set: { notes: "x" } })),
      "not_found",
    );
  });

  it("serializes concurrent saves of one version: one wins, the other conflicts", async () => {
    const row = await organization("UNESCO");
    const save = (city: string) =>
      db
        .transaction((tx) => saveVersioned({ tx, audit: audit(tx), table: organizations, id: row.id, version: row.version, set: { hqCity: city } }))
        .then(
          () => "saved",
          (e: ActionError) => e.code,
        );
    const outcomes = await Promise.all([save("Parīze A"), save("Parīze B")]);
    expect(outcomes.sort()).toEqual(["conflict", "saved"]);
    expect((await organization("UNESCO")).version).toBe(row.version + 1);
  });
});

describe("deleteVersioned", () => {
  it("deletes an unreferenced row and keeps its last state in the audit log", async () => {
    const [created] = await db.insert(ministries).values({ code: "tmpdel", nameLv: "Pagaidu", nameEn: "Temporary" }).returning();
    await db.transaction((tx) => deleteVersioned({ tx, audit: audit(tx), table: ministries, id: created!.id, version: created!.version }));
    expect(await db.select().from(ministries).where(eq(ministries.id, created!.id))).toEqual([]);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entity, "ministries"), eq(auditLog.entityId, String(created!.id))));
    expect(entry).toMatchObject({ action: "delete", after: null });
    expect((entry!.before as { code: string }).code).toBe("tmpdel");
  });

  it("refuses a referenced row with 'in_use' and changes nothing", async () => {
    const [zm] = await db.select().from(ministries).where(eq(ministries.code, "zm"));
    const snapshot = await fingerprint(db);
    await expectActionError(
      db.transaction((tx) => deleteVersioned({ tx, audit: audit(tx), table: ministries, id: zm!.id, version: zm!.version })),
      "in_use",
    );
    expect(await fingerprint(db)).toEqual(snapshot);
  });

  it("checks the version before deleting", async () => {
    const [created] = await db.insert(ministries).values({ code: "tmpver", nameLv: "Pagaidu", nameEn: "Temporary" }).returning();
    await expectActionError(
      db.transaction((tx) => deleteVersioned({ tx, audit: audit(tx), table: ministries, id: created!.id, version: created!.version + 1 })),
      "conflict",
    );
    expect(await db.select().from(ministries).where(eq(ministries.id, created!.id))).toHaveLength(1);
  });
});
