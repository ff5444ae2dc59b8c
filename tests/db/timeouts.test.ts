import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createMission, updateMission } from "@/app/(app)/missions/actions";
import { getMission } from "@/db/queries/missions";
import { rowsOf } from "@/db";
import type { Mission } from "@/db/schema";
import { databaseErrorCode } from "@/lib/action";
import en from "@/messages/en/common.json";
import lv from "@/messages/lv/common.json";
import { actAs } from "../helpers/acting-user";
import { fingerprint, setupTestDatabase } from "../helpers/test-db";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/acting-user")).sessionModule);
vi.mock("@/lib/request", async (orig) => ({ ...(await orig<object>()), requestId: async () => "req-timeouts-test" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

/**
 * SECURITY.md 26: every connection of the app has a statement timeout and a lock timeout, so an edit
 * blocked by someone else's lock ends with "busy" (the UI's "try again") instead of waiting for ever.
 * Short bounds here (the defaults are 15 s and 5 s) keep the test quick; the mechanism is the same.
 */
const LOCK_TIMEOUT_MS = 1_000;
const STATEMENT_TIMEOUT_MS = 2_000;
beforeAll(() => {
  // Read when the file's connection opens, at its first query (after setupTestDatabase's beforeAll).
  vi.stubEnv("DB_LOCK_TIMEOUT_MS", String(LOCK_TIMEOUT_MS));
  vi.stubEnv("DB_STATEMENT_TIMEOUT_MS", String(STATEMENT_TIMEOUT_MS));
});
afterAll(() => vi.unstubAllEnvs());

const { db, kind } = setupTestDatabase("demo");
// PGlite is one connection in one process: nobody else can hold a lock, and it has no such settings.
const onPostgres = it.skipIf(kind === "pglite");

const fields = {
  nameLv: "Pārstāvniecība ar bloķētu rindu",
  nameEn: "Mission with a locked row",
  city: "Rīga",
  countryCode: "LV",
  address: "",
  headOfMission: "",
  email: "",
  phone: "",
  website: "",
  openedOn: "",
  closedOn: "",
  notes: "",
};
const edit = (mission: Mission, city: string) => ({ ...fields, id: mission.id, version: mission.version, city });

describe("statement and lock timeouts", () => {
  onPostgres("are set on the app's connections", async () => {
    const [row] = rowsOf<{ statement_timeout: string; lock_timeout: string }>(
      await db.execute(sql`select current_setting('statement_timeout') as statement_timeout, current_setting('lock_timeout') as lock_timeout`),
    );
    expect(row).toEqual({ statement_timeout: "2s", lock_timeout: "1s" });
  });

  onPostgres("a statement that runs past the statement timeout is cancelled and answered as busy", async () => {
    const started = Date.now();
    const error = await db.execute(sql`select pg_sleep(10)`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(STATEMENT_TIMEOUT_MS + 3_000);
    expect(databaseErrorCode(error)).toBe("busy");
  });

  onPostgres("an edit blocked by another transaction's row lock answers 'busy' within the bound and changes nothing", async () => {
    await actAs(db, "editor");
    const created = await createMission(fields);
    if (!created.ok) throw new Error(JSON.stringify(created));
    const mission = (await getMission({ id: created.data.id }))!;
    const before = await fingerprint(db);

    // Someone else's transaction holds the row (as a concurrent save would) while the edit runs.
    const other = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    let took = 0;
    const result = await other.begin(async (tx) => {
      await tx`select id from missions where id = ${mission.id} for update`;
      const started = Date.now();
      const answer = await updateMission(edit(mission, "Bloķēta"));
      took = Date.now() - started;
      return answer;
    });
    await other.end();

    expect(result).toEqual({ ok: false, error: "busy" });
    // It waited for the lock (not failing for another reason), then gave up at the lock timeout.
    expect(took).toBeGreaterThanOrEqual(LOCK_TIMEOUT_MS - 50);
    expect(took).toBeLessThan(LOCK_TIMEOUT_MS + 4_000);
    expect(await fingerprint(db)).toEqual(before);

    // Once the lock is gone, the same edit goes through: "try again" was the right advice.
    expect(await updateMission(edit(mission, "Atbrīvota"))).toEqual({ ok: true, data: { version: mission.version + 1 } });
  });

  it("the 'busy' answer tells the user to try again, in both languages", () => {
    expect(lv.actionErrors.busy).toMatch(/Mēģiniet vēlreiz/);
    expect(en.actionErrors.busy).toMatch(/Try again/);
  });
});
