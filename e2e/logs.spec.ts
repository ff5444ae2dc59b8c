import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { accounts, demoPassword } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { expect, test } from "./support/test";

/**
 * SECURITY.md test 29, the log's side: a sign-in failure, a validation failure, a sign-in and a denial made
 * here each appear in the server's log (E2E_SERVER_LOG) as one structured line with the UTC time, the user
 * or "anonymous", the action and the outcome. e2e/global-teardown.ts then searches the whole log, and the
 * client bundles, for the run's secrets.
 */
interface LogLine {
  time: string;
  user: number | "anonymous";
  action: string;
  outcome: string;
  reason?: string;
  fields?: string[];
}

function linesSince(since: string): LogLine[] {
  const file = process.env.E2E_SERVER_LOG;
  if (!file || !existsSync(file)) throw new Error(`no server log at ${file} (set by playwright.config.ts)`);
  const lines: LogLine[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const event = JSON.parse(line) as LogLine;
      if (event.action && event.time >= since) lines.push(event);
    } catch {
      // not one of lib/log.ts's lines
    }
  }
  return lines;
}

test("sign-ins, denials and validation failures are logged as structured lines without input values", async ({ page }) => {
  const since = new Date(Date.now() - 1_000).toISOString();
  const login = new LoginPage(page);
  const nobody = `log-${randomBytes(4).toString("hex")}@iemaksas.example`;
  const wrongPassword = `nepareiza-${randomBytes(6).toString("hex")}`;

  await login.goto();
  await login.signIn(nobody, wrongPassword);
  await expect(login.error()).toBeVisible();

  await page.getByLabel("E-pasts").fill("");
  await page.getByLabel("Parole").fill("");
  await login.submit().click();
  await expect(page.getByLabel("E-pasts")).toHaveAttribute("aria-invalid", "true");

  await login.signIn(accounts.viewer.email, demoPassword());
  await expect(page.getByRole("group", { name: "Lietotāja izvēlne" })).toContainText(accounts.viewer.name);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(404);

  const shapes = {
    failure: { action: "auth.sign_in", outcome: "failure", user: "anonymous", reason: "wrong_credentials" },
    invalid: { action: "auth.sign_in", outcome: "invalid", user: "anonymous" },
    success: { action: "auth.sign_in", outcome: "success", user: expect.any(Number) },
    denied: { action: "page", outcome: "denied", user: expect.any(Number), reason: "role" },
  };
  const found = () => {
    const lines = linesSince(since);
    return Object.fromEntries(
      Object.entries(shapes).map(([kind, shape]) => [kind, lines.some((line) => matches(line, shape))]),
    );
  };
  // The server's output reaches the file through a pipe: give it a moment.
  await expect.poll(found, { timeout: 10_000 }).toEqual({ failure: true, invalid: true, success: true, denied: true });

  const lines = linesSince(since);
  for (const line of lines) expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  const ours = JSON.stringify(lines);
  expect(ours).not.toContain(wrongPassword);
  expect(ours).not.toContain(demoPassword());
  // The rejected address is input: the failure line names the reason, not the account tried.
  expect(ours).not.toContain(nobody);
});

function matches(line: LogLine, shape: Record<string, unknown>): boolean {
  try {
    expect(line).toMatchObject(shape);
    return true;
  } catch {
    return false;
  }
}
