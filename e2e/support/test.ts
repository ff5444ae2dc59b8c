import { randomBytes } from "node:crypto";
import type { BrowserContext, BrowserContextOptions, Page } from "@playwright/test";
import { expect, storageState, test as base } from "../fixtures";
import { AccountPage } from "../pages/account-page";
import { LoginPage } from "../pages/login-page";
import { UsersPage, type RoleLabel } from "../pages/users-page";
import { expectNoCspViolations, watchCsp } from "./csp";
import { canFingerprint, closeDatabase, fingerprint, lockDatabase, NO_FINGERPRINT, type LockMode } from "./db";

/** Unique per call, so that tests running in parallel against one database never collide. */
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;

export interface FreshUser {
  id: number;
  email: string;
  /** The password that works now: the one-time password if the user has not signed in yet. */
  password: string;
  context: BrowserContext;
  /** The user's own page: signed in (and past the one-time password) unless `signIn: false`. */
  page: Page;
}

interface Fixtures {
  /** Set per describe: "exclusive" for tests that compare fingerprints, "shared" (default) for the rest. */
  dbLock: LockMode;
  databaseLock: void;
  /** Runs `work` and fails if any business table changed (skipped, with an annotation, under PGlite). */
  expectUnchanged: <T>(work: () => Promise<T>) => Promise<T>;
  /** Another browser context (closed after the test); `role` signs it in from the saved state. */
  newContext: (options?: { role?: "admin" | "editor" | "zmEditor" | "viewer" } & BrowserContextOptions) => Promise<BrowserContext>;
  /** A page in a context of the saved admin. */
  adminPage: Page;
  /** A person of their own, for tests that sign out, get disabled or reset (never a saved state). */
  freshUser: (options?: { role?: RoleLabel; ministry?: string; signIn?: boolean }) => Promise<FreshUser>;
}

export const test = base.extend<Fixtures, { closeDatabaseAfterWorker: void }>({
  dbLock: ["shared", { option: true }],

  databaseLock: [
    async ({ dbLock }, provide, testInfo) => {
      const started = Date.now();
      const release = await lockDatabase(dbLock);
      // Time spent waiting for the other worker is not this test's own time.
      testInfo.setTimeout(testInfo.timeout + (Date.now() - started));
      try {
        await provide();
      } finally {
        await release();
      }
    },
    { auto: true },
  ],

  expectUnchanged: async ({ dbLock }, provide, testInfo) => {
    await provide(async (work) => {
      if (!canFingerprint) {
        if (!testInfo.annotations.some((a) => a.type === "fingerprint skipped")) {
          testInfo.annotations.push({ type: "fingerprint skipped", description: NO_FINGERPRINT });
        }
        return work();
      }
      if (dbLock !== "exclusive") throw new Error('expectUnchanged needs test.use({ dbLock: "exclusive" })');
      const before = await fingerprint();
      const result = await work();
      expect(await fingerprint(), "business tables (row count and md5 per table)").toEqual(before);
      return result;
    });
  },

  newContext: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async ({ role, ...options } = {}) => {
      // Explicitly empty without a role: browser.newContext() would otherwise inherit the describe's storageState.
      const context = await browser.newContext({ ...options, storageState: role ? storageState(role) : { cookies: [], origins: [] } });
      contexts.push(context);
      await watchCsp(context);
      return context;
    });
    for (const context of contexts) await context.close();
    for (const context of contexts) expectNoCspViolations(context);
  },

  adminPage: async ({ newContext }, provide) => {
    await provide(await (await newContext({ role: "admin" })).newPage());
  },

  freshUser: async ({ adminPage, newContext }, provide) => {
    await provide(async ({ role = "Redaktors", ministry, signIn = true } = {}) => {
      const email = `${unique("e2e")}@iemaksas.example`;
      const oneTime = `Vienreizēja ${randomBytes(6).toString("hex")}`;
      const chosen = `Pašas izvēlēta parole ${randomBytes(6).toString("hex")}`;
      const id = await new UsersPage(adminPage).create({ name: `E2E ${email.split("@")[0]}`, email, role, ministry, password: oneTime });
      const context = await newContext();
      const page = await context.newPage();
      if (!signIn) return { id, email, password: oneTime, context, page };
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(email, oneTime);
      await new AccountPage(page).replaceOneTimePassword(oneTime, chosen);
      return { id, email, password: chosen, context, page };
    });
  },

  closeDatabaseAfterWorker: [
    // An empty pattern: Playwright reads the fixtures a function needs from its parameter list.
    async ({}, provide) => {
      await provide();
      await closeDatabase();
    },
    { scope: "worker", auto: true },
  ],
});

export { expect };
