import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import { expectNoCspViolations, watchCsp } from "./support/csp";

/** The demo seed's accounts (db/seed/demo-users.ts); the password is this run's DEMO_PASSWORD. */
export const accounts = {
  admin: { email: "admin@iemaksas.example", name: "Demo administrators" },
  editor: { email: "redaktors@iemaksas.example", name: "Demo redaktors (Ārlietu ministrija)" },
  zmEditor: { email: "zm.redaktors@iemaksas.example", name: "Demo redaktors (Zemkopības ministrija)" },
  viewer: { email: "skatitajs@iemaksas.example", name: "Demo skatītājs" },
} as const;

export type Role = keyof typeof accounts;

export const demoPassword = (): string => {
  const password = process.env.E2E_DEMO_PASSWORD;
  if (!password) throw new Error("E2E_DEMO_PASSWORD is set by playwright.config.ts");
  return password;
};

/**
 * Saved sign-in of each role, shared by the specs. Signing out ends the session for every test using the
 * file, so tests that sign out or get disabled sign in afresh (`signIn`) instead.
 */
export const storageState = (role: Role) => path.join(import.meta.dirname, ".auth", `${role}.json`);

export async function signIn(page: Page, email: string, password: string, path = "/login"): Promise<void> {
  await page.goto(path);
  await page.getByLabel("E-pasts").fill(email);
  await page.getByLabel("Parole").fill(password);
  await page.getByRole("button", { name: "Pieteikties" }).click();
}

/**
 * Every spec's default context reports Content-Security-Policy violations, and a test that caused one
 * fails (e2e/support/test.ts does the same for the contexts its fixtures open).
 */
export const test = base.extend({
  context: async ({ context }, provide) => {
    await watchCsp(context);
    await provide(context);
    expectNoCspViolations(context);
  },
});
export { expect };
