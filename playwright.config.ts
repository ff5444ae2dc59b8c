import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// One embedded-database folder per run (PGlite is single-process); set once so workers agree on it.
process.env.E2E_PGLITE_DIR ??= path.resolve(".data", `e2e-${process.pid}`);
// A fresh demo password and token key per run (set once so workers agree): nothing the tests sign in
// with is a constant that could leak from one run into another, or into the server's log.
process.env.E2E_DEMO_PASSWORD ??= `e2e-${randomBytes(12).toString("base64url")}`;
process.env.E2E_AUTH_SECRET ??= randomBytes(33).toString("base64");
// The web server's whole output (stdout and stderr), searched for those secrets by e2e/global-teardown.ts.
process.env.E2E_SERVER_LOG ??= path.resolve(".data", `e2e-${process.pid}-server.log`);
mkdirSync(path.dirname(process.env.E2E_SERVER_LOG), { recursive: true });
const baseURL = `http://127.0.0.1:${port}`;
// Debian's Chromium where installed (Playwright's own browser download fails on these machines);
// elsewhere Playwright's bundled browser.
const systemChromium = "/usr/bin/chromium";
const launchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    }
  : {};

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // Several specs walk many pages (axe on every tab) or build their data through the UI first; on a busy
  // 2-core machine 30 s was too tight for them.
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    locale: "lv-LV",
    timezoneId: "Europe/Riga",
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    // Signs each demo role in once and saves its cookies (e2e/.auth/<role>.json) for the specs.
    { name: "setup", testMatch: /auth\.setup\.ts/, use: { launchOptions } },
    { name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions }, dependencies: ["setup"] },
  ],
  globalTeardown: "./e2e/global-teardown.ts",
  webServer: {
    // The production build, prepared and served exactly as `npm start` does; each run gets its own
    // embedded database folder when no DATABASE_URL is given (one PGlite per folder).
    // Both streams are also appended to E2E_SERVER_LOG, and still reach Playwright as they were (stderr shown).
    command: `bash -c 'exec node scripts/start.mjs > >(tee -a "$E2E_SERVER_LOG") 2> >(tee -a "$E2E_SERVER_LOG" >&2)'`,
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      SEED_DEMO: "1",
      PGLITE_DIR: process.env.E2E_PGLITE_DIR,
      DEMO_PASSWORD: process.env.E2E_DEMO_PASSWORD,
      AUTH_SECRET: process.env.E2E_AUTH_SECRET,
      // Every browser here signs in from 127.0.0.1: the per-address limit would otherwise trip over the
      // suite's own deliberate failures. The per-account limit stays at its default and is tested.
      AUTH_MAX_FAILURES_PER_IP: "1000",
    },
  },
});
