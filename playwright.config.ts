import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// One embedded-database folder per run (PGlite is single-process); set once so workers agree on it.
process.env.E2E_PGLITE_DIR ??= path.resolve(".data", `e2e-${process.pid}`);
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
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    locale: "lv-LV",
    timezoneId: "Europe/Riga",
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions } }],
  globalTeardown: "./e2e/global-teardown.ts",
  webServer: {
    // The production build, prepared and served exactly as `npm start` does; each run gets its own
    // embedded database folder when no DATABASE_URL is given (one PGlite per folder).
    command: "node scripts/start.mjs",
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      SEED_DEMO: "1",
      PGLITE_DIR: process.env.E2E_PGLITE_DIR,
    },
  },
});
