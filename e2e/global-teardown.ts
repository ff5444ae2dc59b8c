import { existsSync, readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";

/**
 * SECURITY.md test 29, over the whole run: the web server's log (stdout and stderr, see playwright.config.ts)
 * and the client bundles never contain this run's demo password or AUTH_SECRET, the DATABASE_URL or its
 * password, a session or CSRF cookie of the run, a password hash, or the value of any server-only variable
 * that looks secret; and every structured log line (lib/log.ts) has its four fields and no others.
 * (e2e/logs.spec.ts checks that sign-ins, denials and validation failures are logged at all.) Throwing
 * here fails `playwright test`. Then removes this run's embedded database folder; a PostgreSQL run leaves
 * its database to .ci/run.
 */
export default async function globalTeardown() {
  const problems = [...logProblems(), ...bundleProblems()];
  const dir = process.env.E2E_PGLITE_DIR;
  if (dir) await rm(dir, { recursive: true, force: true });
  const log = process.env.E2E_SERVER_LOG;
  if (problems.length) {
    throw new Error(`secrets or malformed lines in the server's log or the client bundles (log kept at ${log}):\n- ${problems.join("\n- ")}`);
  }
  if (log) await rm(log, { force: true });
}

type Secret = [what: string, value: string];

const root = path.resolve(import.meta.dirname, "..");

/** The values that must never leave the server, named (the message must not print them either). */
function secrets(): Secret[] {
  const list: Secret[] = [
    ["the demo password", process.env.E2E_DEMO_PASSWORD ?? ""],
    ["AUTH_SECRET", process.env.E2E_AUTH_SECRET ?? ""],
  ];
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    list.push(["DATABASE_URL", databaseUrl]);
    const password = decodeURIComponent(new URL(databaseUrl).password);
    if (password) list.push(["DATABASE_URL's password", password]);
  }
  const states = path.join(import.meta.dirname, ".auth");
  for (const file of existsSync(states) ? readdirSync(states).filter((f) => f.endsWith(".json")) : []) {
    const state = JSON.parse(readFileSync(path.join(states, file), "utf8")) as { cookies?: { name: string; value: string }[] };
    for (const cookie of state.cookies ?? []) {
      if (/session-token|csrf-token/.test(cookie.name)) list.push([`${file}'s ${cookie.name} cookie`, cookie.value]);
    }
  }
  // Server-only variables of the runner and the web server whose names say they are secret.
  for (const [name, value] of Object.entries(process.env)) {
    if (/SECRET|PASSWORD|TOKEN|KEY|DATABASE_URL/.test(name) && !name.startsWith("NEXT_PUBLIC_") && value) list.push([name, value]);
  }
  // Short values (a "1", a port) would be found everywhere and mean nothing; one name per value is enough.
  const seen = new Set<string>();
  return list.filter(([, value]) => value.length >= 8 && !seen.has(value) && seen.add(value));
}

const ALLOWED_FIELDS = new Set(["time", "level", "user", "action", "outcome", "requestId", "reason", "fields"]);

function logProblems(): string[] {
  const file = process.env.E2E_SERVER_LOG;
  if (!file || !existsSync(file)) return [`no server log at ${file}: is playwright.config.ts's webServer command still writing it?`];
  const log = readFileSync(file, "utf8");
  const problems: string[] = [];
  if (!log.includes("serving http://")) problems.push("the server log does not hold the server's start: not the whole output");
  for (const [what, value] of secrets()) if (log.includes(value)) problems.push(`the server log contains ${what}`);
  if (/\$argon2(id|i|d)\$/.test(log)) problems.push("the server log contains a password hash");

  let structured = 0;
  for (const line of log.split("\n")) {
    if (!line.startsWith("{")) continue;
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (!("action" in event)) continue;
    structured += 1;
    const extra = Object.keys(event).filter((key) => !ALLOWED_FIELDS.has(key));
    const shape =
      typeof event.time === "string" &&
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(event.time) &&
      (event.user === "anonymous" || Number.isInteger(event.user)) &&
      typeof event.action === "string" &&
      typeof event.outcome === "string";
    if (extra.length || !shape) problems.push(`a log line is not of lib/log.ts's shape: ${line.slice(0, 200)}`);
  }
  if (structured === 0) problems.push("no structured log line at all: the sign-ins of e2e/auth.setup.ts should have written some");
  return problems;
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else yield full;
  }
}

function bundleProblems(): string[] {
  const dir = path.join(root, ".next", "static");
  if (!existsSync(dir)) return [`no client bundles in ${dir}`];
  // The seed's default demo password is no secret in the README, but has no business in the browser.
  const list: Secret[] = [...secrets(), ["the default demo password", "Demo-parole-2026"]];
  const problems: string[] = [];
  let files = 0;
  for (const file of filesUnder(dir)) {
    files += 1;
    const text = readFileSync(file).toString("latin1");
    for (const [what, value] of list) if (text.includes(value)) problems.push(`${path.relative(root, file)} contains ${what}`);
  }
  if (files === 0) problems.push(`no files in ${dir}`);
  return problems;
}
