import type { APIRequestContext, APIResponse, BrowserContext } from "@playwright/test";
import Papa from "papaparse";
import { accounts, storageState, type Role } from "./fixtures";
import { AccountPage } from "./pages/account-page";
import { UsersPage, type UserRecord } from "./pages/users-page";
import { actionError, actionId, actionSucceeded, callAction, redirectPath, serverActions, type ActionAnswer } from "./support/actions";
import type { ActionCases, Targets } from "./security/cases";
import { contributionActionCases } from "./security/contribution-cases";
import { badExportQueries, EXPORT_YEAR, exportUrls, FILE_SIGNATURES } from "./security/export-cases";
import { paymentActionCases } from "./security/payment-cases";
import { ratesActionCases } from "./security/rates-cases";
import { ministryActionCases } from "./security/ministry-cases";
import { missionActionCases } from "./security/mission-cases";
import { organizationActionCases } from "./security/organization-cases";
import { responsibilityActionCases } from "./security/responsibility-cases";
import { userActionCases } from "./security/user-cases";
import { importActionCases } from "./security/import-cases";
import { yearsActionCases } from "./security/years-cases";
import { requestOutcome } from "./support/outcome";
import { expect, test } from "./support/test";

/**
 * SECURITY.md 1–6: server actions are public POST endpoints, so each one is called directly, the way an
 * attacker would, and must deny, validate strictly and change nothing. Pages and sessions: security-sessions.spec.ts.
 */

/** One case per server action in the build. A new action without one fails "every action … has a case". */
const ACTIONS: ActionCases = {
  ...userActionCases,
  ...missionActionCases,
  ...organizationActionCases,
  ...ministryActionCases,
  ...responsibilityActionCases,
  ...contributionActionCases,
  ...paymentActionCases,
  ...yearsActionCases,
  ...ratesActionCases,
  ...importActionCases,
};
const ADMIN_ACTIONS = Object.keys(ACTIONS).filter((key) => ACTIONS[key]!.callers === "admin");
const EDITOR_ACTIONS = Object.keys(ACTIONS).filter((key) => ACTIONS[key]!.callers === "editors");

/** The demo viewer's row, the target of the user attacks; read once per worker through the admin UI. */
let victimRecord: UserRecord | undefined;
async function targets(newContext: (o: { role: "admin" }) => Promise<BrowserContext>): Promise<Targets> {
  const adminPage = await (await newContext({ role: "admin" })).newPage();
  if (!victimRecord) {
    const users = new UsersPage(adminPage);
    victimRecord = await users.record(await users.idOf("skatitajs@iemaksas.example"));
  }
  return { victim: victimRecord, adminPage };
}
const victim = async (newContext: (o: { role: "admin" }) => Promise<BrowserContext>) => (await targets(newContext)).victim;

function expectNoServerError(answer: ActionAnswer) {
  expect(answer.status, `never a server error: ${answer.body.slice(0, 200)}`).toBeLessThan(500);
  expect(actionSucceeded(answer), "the action must not succeed").toBe(false);
}

test("every server action in the build has a security case", () => {
  const built = serverActions().map((action) => action.key);
  expect(built.length, "the manifest lists the build's actions").toBeGreaterThan(0);
  expect(built.filter((key) => !(key in ACTIONS)), "new action without a security case: add it to ACTIONS").toEqual([]);
  expect(Object.keys(ACTIONS).filter((key) => !built.includes(key)), "case for an action the build no longer has").toEqual([]);
});

test.describe("1. every server action without a session", () => {
  test.use({ dbLock: "exclusive" });
  for (const [key, expected] of Object.entries(ACTIONS)) {
    test(`${key}: ${expected.anonymous}`, async ({ request, baseURL, newContext, expectUnchanged }) => {
      const args = await expected.args(await targets(newContext));
      const answer = await expectUnchanged(() => callAction(request, actionId(key), args));
      expectNoServerError(answer);
      if (expected.anonymous === "unauthorized") expect(actionError(answer)).toBe("unauthorized");
      if (expected.anonymous === "fieldErrors") {
        expect(answer.body).toContain('"fieldErrors"');
        expect(answer.redirect).toBeNull();
      }
      if (expected.anonymous === "redirectToLogin") expect(redirectPath(answer, baseURL!)).toBe("/login");
    });
  }
});

/**
 * As a signed-in user who is not an admin: admin actions (and, for the viewer, editors' actions) answer
 * "forbidden"; the ministry-scoped editor gets "not_found" for another ministry's record; admin pages
 * answer with the generic 404.
 */
function deniedAsNonAdmin(role: Exclude<Role, "admin">) {
  test.use({ storageState: storageState(role), dbLock: "exclusive" });
  for (const key of role === "viewer" ? [...ADMIN_ACTIONS, ...EDITOR_ACTIONS] : ADMIN_ACTIONS) {
    test(`${key}: forbidden`, async ({ page, newContext, expectUnchanged }) => {
      const args = await ACTIONS[key]!.args(await targets(newContext));
      const answer = await expectUnchanged(() => callAction(page.request, actionId(key), args));
      expectNoServerError(answer);
      expect(actionError(answer)).toBe("forbidden");
    });
  }
  if (role === "zmEditor") {
    for (const key of EDITOR_ACTIONS.filter((k) => ACTIONS[k]!.outOfScope !== "own record")) {
      test(`${key}: another ministry's record is "not found"`, async ({ page, newContext, expectUnchanged }) => {
        const outOfScope = ACTIONS[key]!.outOfScope;
        expect(outOfScope, "an editors' action needs an outOfScope payload").toBeDefined();
        if (typeof outOfScope !== "function") throw new Error("unreachable");
        const args = await outOfScope(await targets(newContext));
        const answer = await expectUnchanged(() => callAction(page.request, actionId(key), args));
        expectNoServerError(answer);
        expect(actionError(answer)).toBe("not_found");
      });
    }
  }
  test("admin pages answer with the generic 404, also to RSC and prefetch requests", async ({ page, baseURL, expectUnchanged }) => {
    await expectUnchanged(async () => {
      for (const path of ["/admin/users", "/admin/users/new", "/admin/users/1", "/admin/audit", "/admin/audit?entity=users", "/admin/exchange-rates", "/admin/fiscal-years"]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
        await expect(page.getByRole("heading", { level: 1, name: "Lapa nav atrasta" })).toBeVisible();
        await expect(page.getByRole("heading", { name: "Lietotāji" })).toHaveCount(0);
        expect.soft(await requestOutcome(page.request, baseURL!, path, { RSC: "1" }), `${path} RSC`).toBe("not found");
        const prefetch = await requestOutcome(page.request, baseURL!, path, { RSC: "1", "Next-Router-Prefetch": "1" });
        expect.soft(["not found", "prefetch without content"], `${path} prefetch`).toContain(prefetch);
      }
    });
  });
}

test.describe("2. as the viewer", () => deniedAsNonAdmin("viewer"));
test.describe("2. as the editor of all ministries", () => deniedAsNonAdmin("editor"));
test.describe("3. record scope: editor limited to Zemkopības ministrija", () => deniedAsNonAdmin("zmEditor"));

/**
 * Keys an attacker adds to a legitimate payload, as raw JSON: `__proto__` must be a real own key, and a
 * string starting with "$" is written "$$" as React's client would (an unescaped one is a reference in
 * React's reply format; see "undecodable payloads" below).
 */
const EXTRA_KEYS: [string, string][] = [
  ["role", '"admin"'],
  ["ministryId", '"1"'],
  ["version", "1"],
  ["id", "1"],
  ["email", '"attacker@evil.example"'],
  ["createdAt", '"2000-01-01T00:00:00.000Z"'],
  ["createdBy", "1"],
  ["passwordHash", '"$$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"'],
  ["disabledAt", "null"],
  ["mustChangePassword", "false"],
  ["sessionVersion", "99"],
  ["constructor", '{"prototype":{"role":"admin"}}'],
  ["__proto__", '{"role":"admin","isAdmin":true}'],
];

/** `[{...payload, key: value, ...}]` as a string: JSON.stringify would drop `__proto__`. */
function withExtras(payload: Record<string, unknown>, extras: [string, string][]): string {
  const extra = extras.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(",");
  return `[${JSON.stringify(payload).slice(0, -1)},${extra}}]`;
}

/**
 * Each extra key alone, then all at once, on a payload that would otherwise succeed: the strict schema
 * must answer "invalid". React's reply decoder drops an own `__proto__` key before the action sees it, so
 * that one is sent with a stale version: dropped, the write stops at the version check ("conflict");
 * either way nothing changes.
 */
async function expectRejectedEach(request: APIRequestContext, key: string, payload: Record<string, unknown> & { version: number }) {
  const extras = EXTRA_KEYS.filter(([extra]) => !(extra in payload));
  for (const keys of [...extras.map((extra) => [extra]), extras]) {
    const names = keys.map(([name]) => name).join(", ");
    const protoOnly = names === "__proto__";
    const sent = protoOnly ? { ...payload, version: payload.version + 1000 } : payload;
    const answer = await callAction(request, actionId(key), withExtras(sent, keys));
    expectNoServerError(answer);
    expect.soft(protoOnly ? ["invalid", "conflict"] : ["invalid"], `${key} with ${names}`).toContain(actionError(answer));
  }
}

test.describe("4. mass assignment", () => {
  test.use({ storageState: storageState("admin"), dbLock: "exclusive" });

  test("updateUser with extra keys is rejected and the row is unchanged", async ({ page, newContext, expectUnchanged }) => {
    const target = await victim(newContext);
    const payload = { id: target.id, version: target.version, name: target.name, role: "viewer", ministryId: "" };
    await expectUnchanged(() => expectRejectedEach(page.request, "app/(app)/admin/users/actions.ts#updateUser", payload));
    expect(await new UsersPage(page).record(target.id)).toEqual(target);
  });

  test("updateProfile with extra keys is rejected and the profile is unchanged", async ({ page, expectUnchanged }) => {
    const account = new AccountPage(page);
    const version = await account.profileVersion();
    const payload = { version, name: "Demo administrators", locale: "lv" };
    await expectUnchanged(() => expectRejectedEach(page.request, "app/(app)/account/actions.ts#updateProfile", payload));
    expect(await account.profileVersion()).toBe(version);
  });

  test("the viewer cannot make themself an admin through their own profile", async ({ newContext, expectUnchanged }) => {
    const viewer = await (await newContext({ role: "viewer" })).newPage();
    const version = await new AccountPage(viewer).profileVersion();
    const payload = { version, name: accounts.viewer.name, locale: "lv" };
    await expectUnchanged(() => expectRejectedEach(viewer.request, "app/(app)/account/actions.ts#updateProfile", payload));
    expect(await new AccountPage(viewer).profileVersion()).toBe(version);
    await expect(viewer.getByRole("group", { name: "Lietotāja izvēlne" }).getByTestId("user-scope")).toHaveText("Skatītājs · visas ministrijas");
  });

  test("undecodable payloads are refused without a 500 and change nothing", async ({ page, expectUnchanged }) => {
    const version = await new AccountPage(page).profileVersion();
    const id = actionId("app/(app)/account/actions.ts#updateProfile");
    // "$…" strings are references in React's reply format; the rest are not even JSON arrays.
    for (const body of [`[{"version":${version},"name":"$argon2id$x","locale":"lv"}]`, `[{"version":${version},"name":"$1","locale":"lv"}]`, "{", "", "null", '"x"']) {
      const answer = await expectUnchanged(() => callAction(page.request, id, body));
      expectNoServerError(answer);
    }
  });
});

test.describe("5. no password hashes or session tokens in pages, RSC payloads or action results", () => {
  test.use({ storageState: storageState("admin"), dbLock: "exclusive" });

  test("users admin, account page and a conflict answer carrying a user row", async ({ page, newContext, expectUnchanged }) => {
    const target = await victim(newContext);
    const token = (await page.context().cookies()).find((c) => c.name.includes("session-token"))?.value;
    expect(token, "the saved admin state holds a session cookie").toBeTruthy();
    const secrets = ["passwordHash", "password_hash", "$argon2", token!];
    const bodies: [string, string][] = [];
    for (const path of ["/admin/users", `/admin/users/${target.id}`, "/account", "/api/auth/session"]) {
      for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
        const response = await page.request.get(path, { headers });
        expect(response.status(), path).toBe(200);
        bodies.push([`${path} ${JSON.stringify(headers)}`, await response.text()]);
      }
    }
    // A stale version makes updateUser answer "conflict" with the row as saved: the richest action result.
    const conflict = await expectUnchanged(() =>
      callAction(page.request, actionId("app/(app)/admin/users/actions.ts#updateUser"), [
        { id: target.id, version: target.version + 1000, name: target.name, role: "viewer", ministryId: "" },
      ]),
    );
    expect(actionError(conflict)).toBe("conflict");
    expect(conflict.body, "the conflict answer carries the row").toContain("skatitajs@iemaksas.example");
    bodies.push(["updateUser conflict", conflict.body]);
    expect(bodies.find(([, body]) => body.includes("skatitajs@iemaksas.example")), "the pages show user data").toBeTruthy();
    for (const [where, body] of bodies) {
      for (const secret of secrets) expect.soft(body.includes(secret), `${where} contains ${secret.slice(0, 12)}`).toBe(false);
    }
  });
});

test.describe("6. origin checks and safe GETs", () => {
  test.use({ storageState: storageState("admin"), dbLock: "exclusive" });

  for (const origin of ["https://evil.example", "null", "http://[::1", "not a url", "http://127.0.0.1.evil.example"]) {
    test(`an action posted with Origin: ${origin} is refused with a 4xx`, async ({ page, expectUnchanged }) => {
      const account = new AccountPage(page);
      const version = await account.profileVersion();
      // Would succeed (a version bump) if the request were let through.
      const payload = [{ version, name: "Demo administrators", locale: "lv" }];
      const answer = await expectUnchanged(() =>
        callAction(page.request, actionId("app/(app)/account/actions.ts#updateProfile"), payload, { Origin: origin }),
      );
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(actionSucceeded(answer)).toBe(false);
      expect(await account.profileVersion()).toBe(version);
    });
  }

  test("visiting every page and auth endpoint changes nothing", async ({ page, newContext, expectUnchanged }) => {
    const target = await victim(newContext);
    await expectUnchanged(async () => {
      for (const path of ["/", "/admin/users", "/admin/users/new", `/admin/users/${target.id}`, `/admin/users/${target.id}?tab=history`, "/admin/audit", "/account", "/login"]) {
        expect((await page.goto(path))?.status(), path).toBe(200);
      }
      for (const path of ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/health"]) {
        expect((await page.request.get(path)).status(), path).toBeLessThan(500);
      }
    });
  });
});

/**
 * SECURITY.md 3 and 17 for the report exports: GET route handlers behind defineRoute. Denied means a
 * small JSON answer (or the sign-in page) and none of the export's bytes; allowed users get the file, with
 * their ministry scope applied to the rows.
 */
async function expectNoFile(response: APIResponse, where: string) {
  expect(response.headers()["content-disposition"], `${where}: no attachment`).toBeUndefined();
  const body = await response.text();
  for (const signature of FILE_SIGNATURES) expect(body.startsWith(signature), `${where}: no file bytes`).toBe(false);
  expect(body, `${where}: no report data`).not.toMatch(/Kopā|Total|EUR/);
}

test.describe("7. report exports", () => {
  test.describe("without a session", () => {
    test.use({ dbLock: "exclusive" });
    test("every export URL is denied, with no data", async ({ request, baseURL, expectUnchanged }) => {
      await expectUnchanged(async () => {
        for (const url of exportUrls) {
          const response = await request.get(url, { maxRedirects: 0 });
          expect([401, 307, 302], url).toContain(response.status());
          if (response.status() !== 401) expect(new URL(response.headers().location!, baseURL).pathname, url).toBe("/login");
          await expectNoFile(response, url);
        }
      });
    });
  });

  test.describe("as the viewer", () => {
    test.use({ storageState: storageState("viewer") });
    test("can export each format, marked no-store, named for what it is", async ({ page }) => {
      for (const [format, signature] of [["xlsx", "PK"], ["pdf", "%PDF"], ["csv", "\uFEFF"]] as const) {
        const response = await page.request.get(`/api/reports/export?view=ministry&format=${format}&year=${EXPORT_YEAR}`);
        expect(response.status(), format).toBe(200);
        expect(response.headers()["cache-control"]).toBe("no-store");
        expect(response.headers()["content-disposition"]).toContain(`filename="iemaksas-${EXPORT_YEAR}-pa-ministrijam.${format}"`);
        const bytes = Buffer.from(signature);
        expect((await response.body()).subarray(0, bytes.length).equals(bytes), `${format} starts with its signature`).toBe(true);
      }
      const all = await page.request.get(`/api/reports/export?view=all&format=xlsx&year=${EXPORT_YEAR}`);
      expect(all.status()).toBe(200);
    });

    test("a bad parameter is a 400 with field messages, never a file or a 500", async ({ page }) => {
      for (const query of badExportQueries) {
        const response = await page.request.get(`/api/reports/export?${query}`);
        expect(response.status(), query).toBe(400);
        expect(await response.json(), query).toMatchObject({ error: "invalid" });
        await expectNoFile(response, query);
      }
    });
  });

  test.describe("as the editor limited to Zemkopības ministrija", () => {
    test.use({ storageState: storageState("zmEditor") });
    test("an export holds only ZM's lines, even when another ministry is asked for", async ({ page }) => {
      const lines = async (query: string) => {
        const response = await page.request.get(`/api/reports/export?view=lines&format=csv&year=${EXPORT_YEAR}&sep=semicolon${query}`);
        expect(response.status()).toBe(200);
        const rows = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), { delimiter: ";" }).data.filter((r) => r.length > 1);
        const ministry = rows[0]!.findIndex((h) => h === "Maksātāja ministrija" || h === "Paying ministry");
        expect(ministry).toBeGreaterThan(-1);
        return rows.slice(1, -1).map((r) => r[ministry]);
      };
      const own = await lines("");
      expect(own.length, "the demo data has ZM lines").toBeGreaterThan(0);
      expect([...new Set(own)]).toHaveLength(1);
      expect(own[0]).toMatch(/^(Zemkopības ministrija|Ministry of Agriculture)$/);
      for (let id = 1; id <= 20; id++) {
        const other = await lines(`&ministry=${id}`);
        expect(other.every((name) => own.includes(name!)), `ministry=${id}`).toBe(true);
      }
    });
  });
});

test.describe("8. import error downloads", () => {
  test.use({ dbLock: "exclusive" });
  test("denied without a session, to a viewer, and to a ZM editor for the admin's import", async ({ request, newContext, expectUnchanged }) => {
    const { adminPage } = await targets(newContext);
    const [{ id }] = (await importActionCases["app/(app)/import/actions.ts#applyImport"]!.args({ adminPage } as Targets)) as [{ id: number }];
    const urls = ["xlsx", "csv"].map((format) => `/api/import/errors?id=${id}&format=${format}`);
    const viewer = await (await newContext({ role: "viewer" })).newPage();
    const zm = await (await newContext({ role: "zmEditor" })).newPage();
    await expectUnchanged(async () => {
      for (const url of urls) {
        const anonymous = await request.get(url, { maxRedirects: 0 });
        expect([401, 307, 302], url).toContain(anonymous.status());
        await expectNoFile(anonymous, url);
        const asViewer = await viewer.request.get(url);
        expect(asViewer.status(), url).toBe(403);
        await expectNoFile(asViewer, url);
        const asZm = await zm.request.get(url);
        expect(asZm.status(), url).toBe(404);
        await expectNoFile(asZm, url);
      }
    });
    expect((await adminPage.request.get(urls[1]!)).status()).toBe(200);
  });
});
