#!/usr/bin/env node
// `npm start`: the one command a newcomer runs. Builds when the build is missing or older than the
// sources, prepares the database (embedded PGlite with demo data when DATABASE_URL is unset), then
// serves the production build. Plain Node so that it runs before anything is compiled.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const SOURCES = ["app", "components", "db", "lib", "messages", "next.config.ts", "instrumentation.ts", "instrumentation-client.ts", "proxy.ts", "auth.ts", "auth.config.ts", "package-lock.json"];
const IGNORED_DIRS = new Set(["node_modules", ".next", ".data", "seed"]);

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.isDirectory() && IGNORED_DIRS.has(entry.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const buildId = path.join(root, ".next", "BUILD_ID");
const sourcesChanged = () => Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s)))) > statSync(buildId).mtimeMs;
if (!existsSync(buildId) || sourcesChanged()) {
  console.log("› building the app (first start or sources changed)…");
  run(bin("next"), ["build"]);
}

const embedded = !process.env.DATABASE_URL;
if (embedded || process.env.SEED_DEMO === "1") {
  console.log(embedded ? "› embedded database (PGlite) in ./.data: migrating and loading demo data…" : "› loading demo data…");
  run(bin("tsx"), ["db/seed.ts", "--demo"]);
}

const port = process.env.PORT ?? "3000";
console.log(`› serving http://localhost:${port}`);
const server = spawn(bin("next"), ["start", "--port", port], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
