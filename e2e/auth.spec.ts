import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { accounts, demoPassword, storageState, type Role } from "./fixtures";
import { AccountPage } from "./pages/account-page";
import { LoginPage } from "./pages/login-page";
import { UsersPage } from "./pages/users-page";
import { actionError, actionId, callAction } from "./support/actions";
import { expect, test, unique } from "./support/test";

/** Sign-in, roles as a person meets them, throttling, one-time passwords and the users admin. */

const nav = (page: Page) => page.getByRole("navigation", { name: "Galvenā navigācija" });
const userMenu = (page: Page) => page.getByRole("group", { name: "Lietotāja izvēlne" });
const INVALID = "Nepareizs e-pasts vai parole.";

async function signInAs(page: Page, role: Role) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(accounts[role].email, demoPassword());
  await expect(page.getByRole("heading", { level: 1, name: "Pārskats" })).toBeVisible();
}

async function expectNoAdmin(page: Page) {
  await expect(nav(page)).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Administrēšana" })).toHaveCount(0);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Lapa nav atrasta" })).toBeVisible();
  await expect(page.getByText(accounts.admin.email)).toHaveCount(0);
}

test.describe("each role signs in and sees only what it may", () => {
  test("admin: the administration section and the users list", async ({ page }) => {
    await signInAs(page, "admin");
    await expect(userMenu(page)).toContainText(accounts.admin.name);
    await expect(userMenu(page).getByTestId("user-scope")).toHaveText("Administrators");
    await expect(page.getByTestId("scope-note")).toHaveCount(0);
    await nav(page).getByRole("link", { name: "Administrēšana" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Lietotāji" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Lietotāju saraksts" })).toContainText(accounts.zmEditor.email);
  });

  for (const [role, scope] of [
    ["editor", "Redaktors · visas ministrijas"],
    ["viewer", "Skatītājs · visas ministrijas"],
  ] as const) {
    test(`${role}: all ministries, no administration, 404 on the users admin`, async ({ page }) => {
      await signInAs(page, role);
      await expect(userMenu(page).getByTestId("user-scope")).toHaveText(scope);
      await expect(page.getByTestId("scope-note")).toHaveCount(0);
      await expectNoAdmin(page);
    });
  }

  test("editor limited to Zemkopības ministrija: told so, and the figures are ZM's only", async ({ page }) => {
    await signInAs(page, "zmEditor");
    await expect(userMenu(page).getByTestId("user-scope")).toHaveText("Redaktors · Zemkopības ministrija");
    await expect(page.getByTestId("scope-note")).toHaveText("Skats ierobežots: Zemkopības ministrija");
    const table = page.getByRole("table");
    await expect(table).toContainText("Zemkopības ministrija");
    await expect(table).not.toContainText("Ārlietu ministrija");
    await expectNoAdmin(page);
  });
});

test.describe("signing in", () => {
  test("a wrong password and an unknown address get the identical answer", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(accounts.viewer.email, "nepareiza parole");
    await expect(login.error()).toHaveText(INVALID);
    const wrongPassword = await page.locator("main").innerHTML();

    await login.goto();
    const nobody = `${unique("nobody")}@iemaksas.example`;
    await login.signIn(nobody, "nepareiza parole");
    await expect(login.error()).toHaveText(INVALID);
    // Same page apart from the echoed address: nothing tells whether the account exists.
    expect((await page.locator("main").innerHTML()).replaceAll(nobody, accounts.viewer.email)).toBe(wrongPassword);
    await expect(page.getByLabel("Parole")).toHaveValue("");
  });

  test("empty fields get field messages, not a sign-in error", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await page.getByRole("button", { name: "Pieteikties" }).click();
    await expect(page.getByLabel("E-pasts")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#email-error")).toHaveText("Obligāts lauks.");
    await expect(login.error()).toHaveCount(0);
  });

  test("an anonymous visitor is sent to sign in, then back where they were going", async ({ page }) => {
    await page.goto("/account");
    const login = new LoginPage(page);
    await login.expectHere();
    await login.signIn(accounts.editor.email, demoPassword());
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { level: 1, name: "Mans konts" })).toBeVisible();
  });

  test("signing out returns to the sign-in page and the app stays closed", async ({ page }) => {
    await signInAs(page, "editor");
    await userMenu(page).getByRole("button", { name: "Iziet" }).click();
    const login = new LoginPage(page);
    await login.expectHere();
    await page.goto("/");
    await login.expectHere();
  });

  test("works from the keyboard alone", async ({ page }) => {
    await new LoginPage(page).goto();
    await expect(page.getByLabel("E-pasts")).toBeFocused();
    await page.keyboard.type(accounts.viewer.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(demoPassword());
    await page.keyboard.press("Enter");
    await expect(userMenu(page)).toContainText(accounts.viewer.name);
  });
});

test.describe("throttling", () => {
  test("10 wrong passwords lock the account even against the right one; the endpoint answers 429", async ({ freshUser, request }) => {
    const user = await freshUser({ signIn: false });
    const login = new LoginPage(user.page);
    await login.goto();
    for (let attempt = 1; attempt <= 10; attempt++) {
      await login.signIn(user.email, `nepareiza parole ${attempt}`);
      await expect(login.error()).toHaveText(INVALID);
    }
    await login.signIn(user.email, user.password);
    await expect(login.error()).toHaveText(/^Pārāk daudz neveiksmīgu mēģinājumu/);
    await expect(user.page).toHaveURL(/\/login/);

    // next-auth's own endpoint, posted straight: the same count, a plain 429.
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const direct = await request.post("/api/auth/callback/credentials", {
      form: { email: user.email, password: user.password, csrfToken },
      maxRedirects: 0,
    });
    expect(direct.status()).toBe(429);
    expect(direct.headers()["retry-after"]).toBe("900");
  });

  test("an unknown address is throttled the same way", async ({ page }) => {
    const nobody = `${unique("nobody")}@iemaksas.example`;
    const login = new LoginPage(page);
    await login.goto();
    for (let attempt = 1; attempt <= 10; attempt++) {
      await login.signIn(nobody, `nepareiza parole ${attempt}`);
      await expect(login.error()).toHaveText(INVALID);
    }
    await login.signIn(nobody, "vēl viena");
    await expect(login.error()).toHaveText(/^Pārāk daudz neveiksmīgu mēģinājumu/);
  });
});

test("a one-time password must be replaced at /account before anything else opens", async ({ freshUser }) => {
  const user = await freshUser({ signIn: false });
  const login = new LoginPage(user.page);
  await login.goto();
  await login.signIn(user.email, user.password);
  await expect(user.page).toHaveURL(/\/account$/);
  const account = new AccountPage(user.page);
  await expect(account.oneTimeNotice()).toBeVisible();
  await user.page.goto("/");
  await expect(user.page).toHaveURL(/\/account$/);
  // Actions too, not only pages.
  const answer = await callAction(user.page.request, actionId("app/(app)/account/actions.ts#updateProfile"), [
    { version: 1, name: "Vēl bez paroles", locale: "lv" },
  ]);
  expect(actionError(answer)).toBe("password_change_required");

  // The new password must be typed twice alike.
  const chosen = `Mana jaunā parole ${randomBytes(4).toString("hex")}`;
  await user.page.getByLabel("Vienreizējā parole").fill(user.password);
  await user.page.getByLabel("Jaunā parole", { exact: true }).fill(chosen);
  await user.page.getByLabel("Jaunā parole vēlreiz").fill(`${chosen}!`);
  await user.page.getByRole("button", { name: "Mainīt paroli" }).click();
  await expect(user.page.getByText("Paroles nesakrīt.")).toBeVisible();
  await account.replaceOneTimePassword(user.password, chosen);
});

test.describe("users admin", () => {
  test.use({ storageState: storageState("admin") });

  test("creates a user, edits the name, resets the password, disables and enables", async ({ page, newContext }) => {
    const users = new UsersPage(page);
    const email = `${unique("zm")}@zm.example`;
    const id = await users.create({
      name: "Zane Ozola",
      email,
      role: "Redaktors",
      ministry: "Zemkopības ministrija",
      password: `Vienreizēja ${randomBytes(4).toString("hex")}`,
    });
    await users.rename("Zane Ozola-Bērziņa");
    const reset = `Cita vienreizēja ${randomBytes(4).toString("hex")}`;
    await users.resetPassword(reset);
    await users.disable();
    await users.enable();

    await users.goto();
    const row = users.row(email);
    await expect(row).toContainText("Zane Ozola-Bērziņa");
    await expect(row).toContainText("Redaktors");
    await expect(row).toContainText("Zemkopības ministrija");
    await expect(row).toContainText("Jānomaina parole");
    await expect(row.getByRole("link", { name: "Zane Ozola-Bērziņa" })).toHaveAttribute("href", `/admin/users/${id}`);

    // The reset password is the one that works now, and it is a one-time one.
    const person = await (await newContext()).newPage();
    const login = new LoginPage(person);
    await login.goto();
    await login.signIn(email, reset);
    await expect(person).toHaveURL(/\/account$/);
    await expect(new AccountPage(person).oneTimeNotice()).toBeVisible();
  });

  test("bad input gets field messages; an e-mail in use is refused under its field", async ({ page }) => {
    await page.goto("/admin/users/new");
    await page.getByLabel("E-pasts").fill("nav-epasts");
    await page.getByLabel("Vienreizēja parole").fill("īsa");
    await page.getByRole("button", { name: "Izveidot lietotāju" }).click();
    await expect(page.getByText("Ievadiet e-pasta adresi", { exact: false })).toBeVisible();
    await expect(page.getByText("Vismaz 12 rakstzīmes.", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Vārds, uzvārds")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Vārds, uzvārds").fill("Dublikāts");
    await page.getByLabel("E-pasts").fill(accounts.viewer.email);
    await page.getByLabel("Vienreizēja parole").fill(`Dublikāta parole ${randomBytes(4).toString("hex")}`);
    await page.getByRole("button", { name: "Izveidot lietotāju" }).click();
    await expect(page.getByText("Lietotājs ar šo e-pastu jau ir.")).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/users\/new$/);
  });
});
