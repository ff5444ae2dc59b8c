import type { Page } from "@playwright/test";
import { accounts, demoPassword, storageState } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { UsersPage } from "./pages/users-page";
import { actionError, actionId, callAction } from "./support/actions";
import { requestOutcome } from "./support/outcome";
import { expect, test } from "./support/test";

/**
 * SECURITY.md 7, 8, 12, 13: protected pages behind odd requests, the return path after sign-in, and the
 * session's end (sign-out, disabling) and cookie. Server actions themselves: security.spec.ts.
 */

const BYPASS_HEADERS: Record<string, Record<string, string>> = {
  "no extra header": {},
  "x-middleware-subrequest (middleware)": { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
  "x-middleware-subrequest (proxy)": { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
  "RSC: 1": { RSC: "1" },
  "Next-Router-Prefetch: 1": { RSC: "1", "Next-Router-Prefetch": "1" },
};
const PATHS = ["/admin/users", "/admin/users/", "/ADMIN/users", "/%61dmin/users", "/admin//users", "/admin/users/1", "/admin/users/new"];

test.describe("7. protected pages requested in odd ways", () => {
  for (const [name, headers] of Object.entries(BYPASS_HEADERS)) {
    test(`anonymous, ${name}: sign-in page, never content`, async ({ request, baseURL }) => {
      for (const path of [...PATHS, "/account"]) expect.soft(await requestOutcome(request, baseURL!, path, headers), path).toBe("login");
    });
  }

  test.describe("as the viewer", () => {
    test.use({ storageState: storageState("viewer") });
    for (const [name, headers] of Object.entries(BYPASS_HEADERS)) {
      test(`${name}: not found, never content`, async ({ page, baseURL }) => {
        const allowed = headers["Next-Router-Prefetch"] ? ["not found", "prefetch without content"] : ["not found"];
        for (const path of PATHS) expect.soft(allowed, path).toContain(await requestOutcome(page.request, baseURL!, path, headers));
      });
    }
  });
});

/** Signs the demo editor in through the login page; records any request that leaves for evil.example. */
async function signInWatching(page: Page) {
  const escapes: string[] = [];
  page.on("request", (r) => void (new URL(r.url()).hostname.endsWith("evil.example") && escapes.push(r.url())));
  page.on("dialog", (d) => void (escapes.push(`dialog: ${d.message()}`), d.dismiss()));
  await new LoginPage(page).signIn(accounts.editor.email, demoPassword());
  await expect(page.getByRole("heading", { level: 1, name: "Pārskats" })).toBeVisible();
  return escapes;
}

test.describe("8. no open redirect after sign-in", () => {
  for (const target of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/..//evil.example"]) {
    test(`callbackUrl=${target} ends on the app's own origin`, async ({ page, newContext, baseURL }) => {
      const origin = new URL(baseURL!).origin;
      // As a link would carry it: the page itself must not pass it on.
      await new LoginPage(page).goto(target);
      const escapes = await signInWatching(page);
      expect(new URL(page.url()).origin).toBe(origin);
      expect(new URL(page.url()).pathname).toBe("/");

      // Posted straight to the action with the form's hidden field rewritten: the action must check too.
      const tampered = await (await newContext()).newPage();
      const login = new LoginPage(tampered);
      await login.goto();
      await login.callbackField().evaluate((input, value) => ((input as HTMLInputElement).value = value), target);
      escapes.push(...(await signInWatching(tampered)));
      expect(new URL(tampered.url()).origin).toBe(origin);
      expect(new URL(tampered.url()).pathname).toBe("/");
      expect(escapes).toEqual([]);
    });
  }
});

test.describe("12. sessions end for real", () => {
  test("after sign-out the copied cookie opens neither a page nor an action", async ({ page, newContext, baseURL }) => {
    await new LoginPage(page).goto();
    await new LoginPage(page).signIn(accounts.editor.email, demoPassword());
    await expect(page.getByRole("heading", { level: 1, name: "Pārskats" })).toBeVisible();
    const copied = await page.context().cookies();
    expect(copied.some((c) => c.name.includes("session-token"))).toBe(true);

    await page.getByRole("group", { name: "Lietotāja izvēlne" }).getByRole("button", { name: "Iziet" }).click();
    await new LoginPage(page).expectHere();

    const replay = await newContext();
    await replay.addCookies(copied);
    const answer = await callAction(replay.request, actionId("app/(app)/account/actions.ts#updateProfile"), [
      { version: 1, name: "Atkārtota sesija", locale: "lv" },
    ]);
    expect(actionError(answer)).toBe("unauthorized");
    const replayPage = await replay.newPage();
    await replayPage.goto("/account");
    await new LoginPage(replayPage).expectHere();
    expect(new URL(replayPage.url()).origin).toBe(new URL(baseURL!).origin);
  });

  test("disabling a user ends their live session at their next request", async ({ adminPage, freshUser }) => {
    const user = await freshUser({ role: "Redaktors" });
    await user.page.goto("/account");
    const version = await user.page.locator('form input[name="version"]').inputValue();

    const users = new UsersPage(adminPage);
    await users.open(user.id);
    await users.disable();

    const answer = await callAction(user.page.request, actionId("app/(app)/account/actions.ts#updateProfile"), [
      { version: Number(version), name: "Atspējots, bet vēl te", locale: "lv" },
    ]);
    expect(actionError(answer)).toBe("unauthorized");
    await user.page.goto("/");
    await new LoginPage(user.page).expectHere();

    // And the password that worked a minute ago opens nothing, with the one answer for every failure.
    const login = new LoginPage(user.page);
    await login.signIn(user.email, user.password);
    await expect(login.error()).toHaveText("Nepareizs e-pasts vai parole.");
  });
});

test.describe("13. session cookie", () => {
  test("is HttpOnly and SameSite=Lax when issued", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    const issued = page.waitForResponse((r) => r.request().method() === "POST" && !!r.request().headers()["next-action"]);
    await login.signIn(accounts.viewer.email, demoPassword());
    const setCookies = (await (await issued).headersArray()).filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
    const session = setCookies.find((value) => /^[^=]*session-token[^=]*=/.test(value));
    expect(session, `a session cookie among: ${setCookies.map((c) => c.split("=")[0]).join(", ")}`).toBeTruthy();
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).toMatch(/;\s*Path=\//i);

    const stored = (await page.context().cookies()).find((c) => c.name.includes("session-token"));
    expect(stored).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  });
});

test.describe("what a page script or a sloppy client can get", () => {
  test.use({ storageState: storageState("viewer") });

  test("the session endpoint tells a script when the session expires, not which session row it is", async ({ page }) => {
    const session = (await (await page.request.get("/api/auth/session")).json()) as Record<string, unknown>;
    expect(Object.keys(session)).toEqual(["expires"]);
  });

  test("a malformed action call is a 400, not an error page", async ({ page }) => {
    const id = actionId("app/(app)/account/actions.ts#updateProfile");
    for (const body of ["", "not json", "null", '"a string"', '{"version":1}']) {
      expect((await callAction(page.request, id, body)).status, JSON.stringify(body)).toBe(400);
    }
  });
});
