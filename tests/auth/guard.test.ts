import { count, eq, inArray, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Tx } from "@/db";
import { checkSession, startSession, type SessionCheck, type SessionUser } from "@/db/queries/auth";
import { auditLog, contributions, ministries, users } from "@/db/schema";
import { defineAction, type RecordScope } from "@/lib/action";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { ActionError } from "@/lib/errors";
import { fingerprint, setupTestDatabase } from "../helpers/test-db";

// The guard reads the session and request id from Next's request context; here they are plain values
// that each test sets. Everything after that — roles, parsing, scope, transaction, audit — is the real code.
const request = vi.hoisted(() => ({ session: { ok: false, reason: "no_session" } as SessionCheck, id: "req-guard-test-0001" }));
vi.mock("@/lib/auth/session", () => ({ currentSession: async () => request.session }));
vi.mock("@/lib/request", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/request")>()),
  requestId: async () => request.id,
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { db } = setupTestDatabase("demo");

const SECRET = "Sālsūdens-🔐-Valis-2026";
const SHORT_SECRET = "Īss-parole1"; // 11 characters: one short of the policy
const UNKNOWN_KEYS = { ok: false, error: "invalid", fieldErrors: { _form: ["unknownKeys"] } };
const MISSING_ID = 999_999;
const as = (user: SessionUser | null) => {
  request.session = user ? { ok: true, user } : { ok: false, reason: "no_session" };
};

// ── Actions defined the way app code defines them ─────────────────────────────────────────────
let runs = 0; // a refusal must come before the body runs, not after
const EDITORS = ["admin", "editor"] as const;
const idAndNotes = { id: z.coerce.number().int().positive(), notes: z.string().trim().min(1).max(500) };

async function contributionScope(input: { id: number }, tx: Tx): Promise<RecordScope> {
  const [row] = await tx.select({ ministryId: contributions.payingMinistryId }).from(contributions).where(eq(contributions.id, input.id));
  return row ? { ministryIds: [row.ministryId] } : null;
}

async function writeNotes(tx: Tx, id: number, notes: string, userId: number) {
  const [before] = await tx.select().from(contributions).where(eq(contributions.id, id)).for("update");
  const set = { notes, updatedBy: userId, version: sql`${contributions.version} + 1`, updatedAt: sql`now()` };
  const [after] = await tx.update(contributions).set(set).where(eq(contributions.id, id)).returning({ notes: contributions.notes, version: contributions.version });
  return { before: before!, after: after! };
}

const setNotes = defineAction({
  name: "test.contributions.set_notes",
  roles: EDITORS,
  input: z.strictObject(idAndNotes),
  scope: contributionScope,
  async run(input, { tx, user, audit }) {
    runs++;
    const { before, after } = await writeNotes(tx, input.id, input.notes, user.id);
    await audit({ action: "update", entity: "contributions", entityId: input.id, before: { notes: before.notes }, after });
    return { version: after.version };
  },
  revalidate: (input) => ["/contributions", `/contributions/${input.id}`],
});

const setNotesChecked = defineAction({
  name: "test.contributions.set_notes_checked",
  roles: EDITORS,
  input: z.strictObject({ ...idAndNotes, version: z.number().int() }),
  scope: contributionScope,
  async run(input, { tx, user }) {
    const { before, after } = await writeNotes(tx, input.id, input.notes, user.id);
    if (before.version !== input.version) throw new ActionError("conflict", { current: { notes: before.notes, version: before.version } });
    return after;
  },
});

const setNotesThenFail = defineAction({
  name: "test.contributions.set_notes_then_fail",
  roles: EDITORS,
  input: z.strictObject(idAndNotes),
  scope: contributionScope,
  async run(input, { tx, user, audit }) {
    await writeNotes(tx, input.id, input.notes, user.id);
    await audit({ action: "update", entity: "contributions", entityId: input.id, after: { notes: input.notes } });
    if (input.notes === "bad sql") await tx.execute(sql`select ${SECRET}::int`); // a database error carrying user input
    throw new Error("boom after writing");
  },
});

const editorsWithoutScope = defineAction({ name: "test.editors_without_scope", roles: EDITORS, input: z.strictObject({}), scope: "none", run: async () => "ran" });

const changeOwnPassword = defineAction({
  name: "test.account.change_password",
  roles: ["admin", "editor", "viewer"],
  input: z.strictObject({ newPassword: newPasswordSchema }),
  scope: "none",
  allowPendingPasswordChange: true,
  async run(input, { user, audit }) {
    await audit({ action: "change_password", entity: "users", entityId: user.id, after: { password: input.newPassword } });
    return "changed";
  },
});

// ── Fixtures ───────────────────────────────────────────────────────────────────────────────────
const EMAILS = {
  admin: "admin@iemaksas.example",
  editor: "redaktors@iemaksas.example",
  zmEditor: "zm.redaktors@iemaksas.example",
  viewer: "skatitajs@iemaksas.example",
} as const;
const people = {} as Record<keyof typeof EMAILS, SessionUser>;
let amId: number; // a contribution paid by the foreign ministry ("am")
let zmId: number; // one paid by the ministry of agriculture ("zm"), the scoped editor's

/** Real SessionUser objects, as checkSession builds them for a signed-in demo user. */
async function signedIn(email: string): Promise<SessionUser> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const session = await startSession({ userId: row!.id, maxAgeMs: 3_600_000, db });
  const check = await checkSession({ ...session, idleMs: 3_600_000, db });
  if (!check.ok) throw new Error(`cannot sign in ${email}`);
  return check.user;
}

async function firstContributionOf(code: string) {
  const paidBy = db.select({ id: ministries.id }).from(ministries).where(eq(ministries.code, code));
  const [row] = await db.select({ id: contributions.id }).from(contributions).where(inArray(contributions.payingMinistryId, paidBy)).orderBy(contributions.id).limit(1);
  return row!.id;
}

const auditCount = async () => (await db.select({ n: count() }).from(auditLog))[0]!.n;
let logged: string[] = [];
let errors: string[] = [];
beforeAll(async () => {
  for (const [key, email] of Object.entries(EMAILS)) people[key as keyof typeof EMAILS] = await signedIn(email);
  amId = await firstContributionOf("am");
  zmId = await firstContributionOf("zm");
});
beforeEach(() => {
  runs = 0;
  logged = [];
  errors = [];
  vi.stubEnv("CR_LOG_SILENT", "");
  vi.spyOn(console, "log").mockImplementation((line: unknown) => void logged.push(String(line)));
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(args.map(String).join(" ")));
  vi.mocked(revalidatePath).mockClear();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** Runs an action that must be refused, and checks that it changed nothing and revalidated nothing. */
async function refused(call: () => Promise<unknown>) {
  const before = await fingerprint(db);
  const result = await call();
  expect(await fingerprint(db)).toEqual(before);
  expect(revalidatePath).not.toHaveBeenCalled();
  return result;
}

const lastLog = () => JSON.parse(logged.at(-1)!) as Record<string, unknown>;

describe("defineAction: authentication and roles", () => {
  it("answers unauthorized without a live session", async () => {
    as(null);
    expect(await refused(() => setNotes({ id: amId, notes: "x" }))).toStrictEqual({ ok: false, error: "unauthorized" });
    expect(runs).toBe(0);
    expect(lastLog()).toMatchObject({ user: "anonymous", outcome: "denied", reason: "no_session", requestId: request.id });
  });

  it("answers forbidden to a role the action does not list, before looking at the input", async () => {
    as(people.viewer);
    expect(await refused(() => setNotes({ id: amId, notes: "x", role: "admin" }))).toStrictEqual({ ok: false, error: "forbidden" });
    expect(runs).toBe(0);
    expect(lastLog()).toMatchObject({ user: people.viewer.id, outcome: "denied", reason: "role" });
  });

  it("holds a user with a one-time password to the password change", async () => {
    as({ ...people.editor, mustChangePassword: true });
    expect(await refused(() => setNotes({ id: amId, notes: "x" }))).toStrictEqual({ ok: false, error: "password_change_required" });
    expect(runs).toBe(0);
    expect(await changeOwnPassword({ newPassword: SECRET })).toStrictEqual({ ok: true, data: "changed" });
  });
});

describe("defineAction: input", () => {
  it("rejects unknown keys (role, ministry, version, an id in an action about oneself) instead of ignoring them", async () => {
    as(people.editor);
    for (const extra of [{ role: "admin" }, { ministryId: 1 }, { version: 99 }, { updatedBy: 1 }]) {
      expect(await refused(() => setNotes({ id: amId, notes: "x", ...extra })), Object.keys(extra)[0]).toEqual(UNKNOWN_KEYS);
    }
    expect(runs).toBe(0);
    expect(await refused(() => changeOwnPassword({ newPassword: SECRET, id: people.admin.id }))).toEqual(UNKNOWN_KEYS);
  });

  it("rejects __proto__ smuggled in through JSON", async () => {
    as(people.editor);
    const input: unknown = JSON.parse(`{"id": ${amId}, "notes": "x", "__proto__": {"role": "admin"}}`);
    expect(await refused(() => setNotes(input))).toEqual(UNKNOWN_KEYS);
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });

  it("answers field errors as message keys and logs field names only", async () => {
    as(people.editor);
    const invalid = (fieldErrors: Record<string, string[]>) => ({ ok: false, error: "invalid", fieldErrors });
    expect(await refused(() => setNotes({ id: "abc", notes: "   " }))).toEqual(invalid({ id: ["invalid"], notes: ["required"] }));
    expect(await refused(() => changeOwnPassword({ newPassword: SHORT_SECRET }))).toEqual(invalid({ newPassword: ["tooShort:12"] }));
    expect(lastLog()).toMatchObject({ outcome: "invalid", user: people.editor.id, fields: ["newPassword"] });
  });

  it("parses FormData the same way, unknown keys included", async () => {
    as(people.editor);
    const form = new FormData();
    form.set("id", String(amId));
    form.set("notes", "from a form");
    form.set("ministryId", "1");
    expect(await refused(() => setNotes(form))).toEqual(UNKNOWN_KEYS);
    form.delete("ministryId");
    expect(await setNotes(form)).toMatchObject({ ok: true });
  });
});

describe("defineAction: ministry scope", () => {
  it("gives a scoped editor the same not_found for another ministry's record as for a missing one", async () => {
    as(people.zmEditor);
    const theirs = await refused(() => setNotes({ id: amId, notes: "not mine" }));
    const missing = await refused(() => setNotes({ id: MISSING_ID, notes: "not there" }));
    expect(theirs).toStrictEqual({ ok: false, error: "not_found" });
    expect(missing).toStrictEqual(theirs);
    expect(runs).toBe(0);
    // The answer is the same; the log still tells an operator which it was.
    expect(logged.map((l) => JSON.parse(l).reason)).toEqual(["scope", "not_found"]);
  });

  it("lets a scoped editor change their own ministry's record", async () => {
    as(people.zmEditor);
    expect(await setNotes({ id: zmId, notes: "ZM note" })).toMatchObject({ ok: true });
  });

  it("refuses a scoped editor an editor-only action that declares no record scope", async () => {
    as(people.zmEditor);
    expect(await refused(() => editorsWithoutScope({}))).toEqual({ ok: false, error: "forbidden" });
    as(people.editor);
    expect(await editorsWithoutScope({})).toStrictEqual({ ok: true, data: "ran" });
  });

  // A scoped user probing other ministries' records must show up by name, not as "anonymous".
  it("names the user in the log line of a scope refusal", async () => {
    as(people.zmEditor);
    await setNotes({ id: amId, notes: "probe" });
    expect(lastLog()).toMatchObject({ reason: "scope", user: people.zmEditor.id });
  });
});

describe("defineAction: the change, its audit row and its rollback", () => {
  it("commits the change with exactly one audit row naming the user and the request", async () => {
    as(people.editor);
    const [current] = await db.select({ version: contributions.version }).from(contributions).where(eq(contributions.id, amId));
    const auditsBefore = await auditCount();
    const result = await setNotes({ id: amId, notes: "  Checked against the invoice  " });
    expect(result).toStrictEqual({ ok: true, data: { version: current!.version + 1 } });
    const [row] = await db.select().from(contributions).where(eq(contributions.id, amId));
    expect(row).toMatchObject({ notes: "Checked against the invoice", updatedBy: people.editor.id });
    expect(await auditCount()).toBe(auditsBefore + 1);
    const [audit] = await db.select().from(auditLog).orderBy(sql`${auditLog.id} desc`).limit(1);
    expect(audit).toMatchObject({ userId: people.editor.id, requestId: request.id, action: "update", entity: "contributions", entityId: String(amId) });
    expect(audit!.after).toMatchObject({ notes: "Checked against the invoice" });
    expect(vi.mocked(revalidatePath).mock.calls).toEqual([["/contributions"], [`/contributions/${amId}`]]);
    expect(lastLog()).toMatchObject({ action: "test.contributions.set_notes", outcome: "success", user: people.editor.id, requestId: request.id });
  });

  it("rolls back everything, audit row included, when the body throws after writing", async () => {
    as(people.admin);
    expect(await refused(() => setNotesThenFail({ id: amId, notes: "never saved" }))).toStrictEqual({ ok: false, error: "error" });
    expect(lastLog()).toMatchObject({ action: "test.contributions.set_notes_then_fail", outcome: "error", reason: "Error" });
    expect(errors.join("\n")).toContain(request.id);
  });

  it("keeps query parameters (user input) out of the error log", async () => {
    as(people.admin);
    expect(await refused(() => setNotesThenFail({ id: amId, notes: "bad sql" }))).toStrictEqual({ ok: false, error: "error" });
    expect(errors.join("\n")).toMatch(/select \$1::int/);
    expect(errors.join("\n")).not.toContain(SECRET);
  });

  it("answers a conflict with the record as it now stands, and keeps nothing of the attempt", async () => {
    as(people.editor);
    const [now] = await db.select({ version: contributions.version, notes: contributions.notes }).from(contributions).where(eq(contributions.id, amId));
    const result = await refused(() => setNotesChecked({ id: amId, notes: "stale edit", version: now!.version - 1 }));
    expect(result).toEqual({ ok: false, error: "conflict", current: { notes: now!.notes, version: now!.version } });
    expect(lastLog()).toMatchObject({ outcome: "conflict", reason: "conflict" });
    expect(await setNotesChecked({ id: amId, notes: "fresh edit", version: now!.version })).toMatchObject({ ok: true });
  });
});

describe("defineAction: log lines", () => {
  it("are one JSON object per event with time, user, action, outcome and request id — and never a password", async () => {
    as(people.viewer);
    await changeOwnPassword({ newPassword: SECRET });
    await changeOwnPassword({ newPassword: SHORT_SECRET });
    await changeOwnPassword({ newPassword: SECRET, currentPassword: SECRET });
    as(null);
    await changeOwnPassword({ newPassword: SECRET });
    expect(logged).toHaveLength(4);
    for (const text of logged) {
      const line = JSON.parse(text);
      expect(new Date(line.time).toISOString()).toBe(line.time);
      expect(line).toMatchObject({ action: "test.account.change_password", requestId: request.id, user: expect.anything() });
      expect(["success", "invalid", "denied"]).toContain(line.outcome);
      for (const secret of [SECRET, SHORT_SECRET, "Valis"]) expect(text).not.toContain(secret);
    }
    // The audit row of a password change records that it changed, not what to.
    const [audit] = await db.select().from(auditLog).orderBy(sql`${auditLog.id} desc`).limit(1);
    expect(audit!.after).toEqual({ password: "[changed]" });
  });
});
