import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, openSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
// What a build is made of (as scripts/start.mjs sees it): a newer file here means the build is stale.
const SOURCES = ["app", "components", "db", "lib", "messages", "next.config.ts", "instrumentation.ts", "instrumentation-client.ts", "proxy.ts", "auth.ts", "auth.config.ts", "package-lock.json"];

function newest(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target, { withFileTypes: true })
    .filter((entry) => !(entry.isDirectory() && ["node_modules", ".next", ".data"].includes(entry.name)))
    .reduce((max, entry) => Math.max(max, newest(path.join(target, entry.name))), 0);
}

/** `next build` once: skipped when the build is newer than every source, unless `force`. */
export function buildApp(env: NodeJS.ProcessEnv, force: boolean): string {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!force && existsSync(buildId) && Math.max(...SOURCES.map((s) => newest(path.join(root, s)))) < statSync(buildId).mtimeMs) {
    return "production build is current (reused)";
  }
  const started = performance.now();
  const result = spawnSync(bin("next"), ["build"], { stdio: ["ignore", "ignore", "inherit"], env });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  return `next build in ${((performance.now() - started) / 1000).toFixed(0)} s`;
}

export async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** A child process whose output goes to `logFile`; stopped by its own pid only. */
export function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const log = openSync(logFile, "w");
  return spawn(command, args, { env, stdio: ["ignore", log, log] });
}

export function startApp(port: number, env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  return startProcess(bin("next"), ["start", "--port", String(port), "--hostname", "127.0.0.1"], env, logFile);
}

export function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export { bin };
