import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext } from "playwright-core";

// As playwright.config.ts: Debian's Chromium (Playwright's own download fails on these machines).
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export function launch(): Promise<Browser> {
  const executablePath = process.env.BENCH_CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (set BENCH_CHROMIUM)`);
  return chromium.launch({ executablePath, args: ARGS });
}

/** Signs in through the login form, as a person does; returns the context holding the session cookie. */
export async function signIn(browser: Browser, baseUrl: string, email: string, password: string): Promise<{ context: BrowserContext; cookie: string }> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: "lv-LV" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-pasts").fill(email);
  await page.getByLabel("Parole").fill(password);
  await page.getByRole("button", { name: "Pieteikties" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 30_000 });
  await page.close();
  const cookies = await context.cookies(baseUrl);
  if (!cookies.some((c) => c.name.includes("session-token"))) throw new Error("sign-in gave no session cookie");
  return { context, cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") };
}

export interface PageScripts {
  path: string;
  status: number;
  files: number;
  rawBytes: number;
  gzipBytes: number;
}

/**
 * Every script file the page loads until the network is idle (script tags and the chunks React loads
 * for the page's client components), each gzipped at the default level, as `next start` sends them.
 */
export async function pageScripts(context: BrowserContext, path: string): Promise<PageScripts> {
  const page = await context.newPage();
  const bodies = new Map<string, Promise<Buffer>>();
  page.on("response", (response) => {
    if (response.request().resourceType() === "script" && !bodies.has(response.url())) bodies.set(response.url(), response.body());
  });
  const response = await page.goto(path, { waitUntil: "networkidle" });
  const sizes = await Promise.all([...bodies.values()].map(async (body) => ({ raw: (await body).length, gzip: gzipSync(await body).length })));
  await page.close();
  return {
    path,
    status: response?.status() ?? 0,
    files: sizes.length,
    rawBytes: sizes.reduce((sum, s) => sum + s.raw, 0),
    gzipBytes: sizes.reduce((sum, s) => sum + s.gzip, 0),
  };
}
