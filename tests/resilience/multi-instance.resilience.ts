import { describe, expect, it } from "vitest";
import { actionResult, callAction, CookieJar, request, signIn } from "./support/http";
import { ADMIN, appPort, stage, VIEWER } from "./support/setup";

/**
 * Two `next start` instances of one build on one database, with the same AUTH_SECRET and
 * NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (README, Deployment): what a load balancer without sticky sessions
 * does to a user must not matter. Sessions and the sign-in throttle live in PostgreSQL, not in a process.
 */
const run = stage("resilience_multi", [appPort(2), appPort(3)]);
const a = () => run.apps[0]!.url;
const b = () => run.apps[1]!.url;
const PROFILE = "app/(app)/account/actions.ts#updateProfile";
const SIGN_OUT = "app/(auth)/actions.ts#signOutAction";

async function version(email: string): Promise<number> {
  const [row] = await run.sql()<{ version: number }[]>`select version from users where email = ${email}`;
  return row!.version;
}

describe("two instances behind one load balancer", () => {
  it("a session made on A opens pages and actions on B, and signing out on A ends it on B", async () => {
    const jar = new CookieJar();
    expect(await signIn(a(), jar, ADMIN.email, run.password)).toBe("signed_in");

    const page = await request(b(), "/account", { jar });
    expect(page.status).toBe(200);
    expect(page.body).toContain(ADMIN.name);
    expect(page.body).toContain(ADMIN.email);

    const renamed = `${ADMIN.name} (B)`;
    const saved = await callAction(b(), jar, PROFILE, [{ version: await version(ADMIN.email), name: renamed, locale: "lv" }]);
    expect(actionResult(saved)).toMatchObject({ ok: true });
    const [row] = await run.sql()<{ name: string }[]>`select name from users where email = ${ADMIN.email}`;
    expect(row!.name).toBe(renamed);
    expect((await request(a(), "/account", { jar })).body, "A sees what B saved").toContain(renamed);

    // Sign out on A with a copy of the cookies (A's answer deletes them there); B then gets the old cookie.
    const signedOut = await callAction(a(), jar.clone(), SIGN_OUT, []);
    expect(signedOut.status).toBeLessThan(400);
    const after = await request(b(), "/account", { jar });
    expect(after.status).toBe(307);
    expect(new URL(after.location!, b()).pathname).toBe("/login");
    expect(after.body).not.toContain(ADMIN.email);
    const refused = await callAction(b(), jar, PROFILE, [{ version: await version(ADMIN.email), name: ADMIN.name, locale: "lv" }]);
    expect(actionResult(refused)).toEqual({ ok: false, error: "unauthorized" });
  });

  it("a session made on B works on A", async () => {
    const jar = new CookieJar();
    expect(await signIn(b(), jar, VIEWER.email, run.password)).toBe("signed_in");
    const page = await request(a(), "/account", { jar });
    expect(page.status).toBe(200);
    expect(page.body).toContain(VIEWER.email);
  });

  it("failed sign-ins split over A and B add up to one throttle", async () => {
    const email = "zm.redaktors@iemaksas.example";
    // Ten failures (the per-account limit), five on each instance: a per-process counter would be at five.
    for (let i = 0; i < 10; i++) {
      expect(await signIn(i % 2 ? b() : a(), new CookieJar(), email, `wrong-password-${i}`), `failure ${i + 1}`).toBe("invalid");
    }
    expect(await signIn(a(), new CookieJar(), email, run.password), "the right password on A").toBe("throttled");
    expect(await signIn(b(), new CookieJar(), email, run.password), "the right password on B").toBe("throttled");
    const [counted] = await run.sql()<{ n: number }[]>`
      select count(*)::int as n from sign_in_attempts where email = ${email} and not succeeded`;
    expect(counted!.n).toBe(10);
  });
});
