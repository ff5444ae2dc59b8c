import { describe, expect, it } from "vitest";
import { controlCluster } from "./support/cluster";
import { actionResult, callAction, CookieJar, leaksIn, request, signIn, SESSION_COOKIE, type Answer } from "./support/http";
import { ADMIN, appPort, stage } from "./support/setup";

/**
 * SECURITY.md 24: PostgreSQL stops during page loads and server actions. Users get the generic error page
 * or a generic action error, never a stack trace, SQL or a path; nobody is let in while the session cannot
 * be checked; and the same cookie works again once PostgreSQL is back.
 */
const run = stage("resilience_down", [appPort(0)]);
const app = () => run.apps[0]!.url;

const PAGE = "/organizations";
/** Shown only to a signed-in user on that page: their name (header) and an organization (the list), both from the database. */
const SIGNED_IN = [ADMIN.name, "Eiropas Padome"];
const EXPORT = "/api/reports/export?view=lines&format=csv&year=2026";
const PROFILE = "app/(app)/account/actions.ts#updateProfile";
/** The two generic error pages: the app's (app)/error.tsx and the root's global-error.tsx. */
const ERROR_PAGE = /Kaut kas nogāja greizi/;

const jar = new CookieJar();
let version = 0;

async function profileVersion(): Promise<number> {
  const [row] = await run.sql()<{ version: number }[]>`select version from users where email = ${ADMIN.email}`;
  return row!.version;
}

function expectNoLeak(answer: Answer, what: string) {
  expect(leaksIn(answer.body), `${what} (${answer.status})`).toEqual([]);
}

function expectNoData(answer: Answer, what: string) {
  for (const marker of SIGNED_IN) expect(answer.body, `${what} shows ${marker}`).not.toContain(marker);
}

describe("PostgreSQL stops under a signed-in user", () => {
  it("while it runs, the cookie opens the page and the action (the markers and the leak check are sound)", async () => {
    expect(await signIn(app(), jar, ADMIN.email, run.password)).toBe("signed_in");
    const page = await request(app(), PAGE, { jar });
    expect(page.status).toBe(200);
    for (const marker of SIGNED_IN) expect(page.body).toContain(marker);
    expectNoLeak(page, "the page while PostgreSQL runs");
    version = await profileVersion();
    const saved = actionResult(await callAction(app(), jar, PROFILE, [{ version, name: ADMIN.name, locale: "lv" }]));
    expect(saved).toMatchObject({ ok: true });
    version = await profileVersion();
  });

  it("requests in flight while it stops end in data or a generic error, none hangs, none leaks", async () => {
    const answers: { started: number; took: number; kind: string; answer: Answer }[] = [];
    let stopped = Infinity;
    // Each worker sends requests until one of them was sent after PostgreSQL had stopped.
    const worker = async (kind: "page" | "action" | "export") => {
      for (;;) {
        const started = Date.now();
        const answer =
          kind === "page"
            ? await request(app(), PAGE, { jar: jar.clone() })
            : kind === "export"
              ? await request(app(), EXPORT, { jar: jar.clone() })
              : await callAction(app(), jar.clone(), PROFILE, [{ version, name: ADMIN.name, locale: "lv" }]);
        answers.push({ started, took: Date.now() - started, kind, answer });
        if (started > stopped) return;
      }
    };
    const workers = [worker("page"), worker("page"), worker("action"), worker("export")];
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await controlCluster(run.cluster, "stop", "fast");
    stopped = Date.now();
    await Promise.all(workers);

    for (const { kind, answer, took } of answers) {
      expectNoLeak(answer, kind);
      expect(took, `${kind} took ${took} ms`).toBeLessThan(15_000);
    }
    const after = answers.filter((a) => a.started > stopped);
    expect(after.length, "one request per worker sent into the stopped database").toBe(workers.length);
    for (const { kind, answer } of after) {
      if (kind === "action") expect(actionResult(answer), "action after the stop").toMatchObject({ ok: false, error: "unavailable" });
      else expectNoData(answer, `${kind} after the stop`);
    }
    const summary = ["page", "action", "export"].map((kind) => {
      const mine = answers.filter((a) => a.kind === kind);
      return `${kind}: ${mine.map((a) => `${a.answer.status}${a.started > stopped ? "" : " (before)"} in ${a.took} ms`).join(", ")}`;
    });
    console.log(`database-down: ${answers.length} requests around the stop, ${after.length} started after it\n  ${summary.join("\n  ")}`);
  });

  it("while it is down, a page is the generic error page, with no data and nothing internal", async () => {
    for (const path of [PAGE, "/", "/account", "/admin/users"]) {
      const page = await request(app(), path, { jar });
      expect(page.status, path).toBe(500);
      expect(page.body, path).toMatch(ERROR_PAGE);
      expectNoData(page, path);
      expectNoLeak(page, path);
      // The same page as the client router asks for it (a flight): no data either.
      const flight = await request(app(), path, { jar, headers: { RSC: "1" } });
      expectNoData(flight, `${path} (RSC)`);
      expectNoLeak(flight, `${path} (RSC)`);
    }
  });

  it("while it is down, an action answers the generic 'unavailable' and an export 503: fail closed", async () => {
    const action = await callAction(app(), jar, PROFILE, [{ version, name: "Nevajadzētu saglabāt", locale: "lv" }]);
    expect(actionResult(action)).toEqual({ ok: false, error: "unavailable" });
    expectNoLeak(action, "action");

    const download = await request(app(), EXPORT, { jar });
    expect(download.status).toBe(503);
    expect(JSON.parse(download.body)).toEqual({ error: "unavailable" });
  });

  it("while it is down, nobody signs in and an anonymous visitor is sent to sign in", async () => {
    const fresh = new CookieJar();
    const csrf = await request(app(), "/api/auth/csrf", { jar: fresh });
    const answer = await request(app(), "/api/auth/callback/credentials", {
      jar: fresh,
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: ADMIN.email, password: run.password, csrfToken: (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken }),
    });
    expect(fresh.get(SESSION_COOKIE), `no session from a sign-in answered ${answer.status}`).toBeUndefined();
    expectNoLeak(answer, "sign-in");
    if (answer.location) expect(new URL(answer.location, app()).pathname).toBe("/login");

    const anonymous = await request(app(), PAGE);
    expect(anonymous.status).toBe(307);
    expect(new URL(anonymous.location!, app()).pathname).toBe("/login");
  });

  it("after PostgreSQL starts again, the same cookie opens the page and the action", async () => {
    await controlCluster(run.cluster, "start");
    const back = Date.now();
    let page: Answer;
    // postgres.js reconnects at the next query; allow the pool a few seconds, as the load test measures.
    do {
      page = await request(app(), PAGE, { jar });
      if (page.status === 200 || Date.now() - back > 10_000) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    } while (true);
    expect(page.status).toBe(200);
    console.log(`database-down: the cookie opened the page again ${Date.now() - back} ms after PostgreSQL was back`);
    for (const marker of SIGNED_IN) expect(page.body).toContain(marker);
    const saved = actionResult(await callAction(app(), jar, PROFILE, [{ version: await profileVersion(), name: ADMIN.name, locale: "lv" }]));
    expect(saved).toMatchObject({ ok: true });
    // The name the down-time action tried to save was never written.
    const [row] = await run.sql()<{ name: string }[]>`select name from users where email = ${ADMIN.email}`;
    expect(row!.name).toBe(ADMIN.name);
  });

  it("left nothing secret in the server's log: no session id, cookie value or password", async () => {
    const sessions = await run.sql()<{ id: string }[]>`select s.id from user_sessions s join users u on u.id = s.user_id where u.email = ${ADMIN.email}`;
    expect(sessions.length).toBeGreaterThan(0);
    const log = run.apps[0]!.log();
    // The outage did reach the log (failed session checks), so its absence of secrets means something.
    expect(log).toMatch(/session check failed|ECONNREFUSED|CONNECTION/);
    for (const { id } of sessions) expect(log.includes(id), "a session id in the log").toBe(false);
    expect(log.includes(jar.get(SESSION_COOKIE)!), "the session cookie in the log").toBe(false);
    expect(log.includes(run.password), "the password in the log").toBe(false);
  });
});
