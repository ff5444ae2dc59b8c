import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface AppServer {
  url: string;
  /** The server's stdout and stderr so far (for failure messages and leak checks). */
  log: () => string;
  stop: () => Promise<void>;
}

const root = path.resolve(import.meta.dirname, "..", "..", "..");

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) })).ok;
  } catch {
    return false;
  }
}

/**
 * Starts the production build the way `npm start` does (scripts/start.mjs: it builds first when the build
 * is missing or stale, which only the first start of a run can meet, as the files start servers one at a
 * time; then the demo seed, which is idempotent; then `next start`), and waits for /api/health.
 */
export async function startApp(options: { port: number; databaseUrl: string; env?: Record<string, string> }): Promise<AppServer> {
  const url = `http://127.0.0.1:${options.port}`;
  if (await healthy(url)) throw new Error(`port ${options.port} is already serving something`);
  const logDir = mkdtempSync(path.join(tmpdir(), "cr-resilience-app-"));
  const logFile = path.join(logDir, "server.log");
  const out = createWriteStream(logFile);
  // Its own process group, so that stopping it also stops the `next start` that start.mjs spawns.
  const child: ChildProcess = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl,
      SEED_DEMO: "1",
      CR_LOG_SILENT: "",
      ...options.env,
    },
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const log = () => readFileSync(logFile, "utf8");
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));
  const kill = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const onExit = () => kill("SIGKILL");
  process.on("exit", onExit);

  const stop = async () => {
    process.off("exit", onExit);
    if (!exited) {
      kill("SIGTERM");
      const timer = setTimeout(() => kill("SIGKILL"), 10_000);
      await exitedPromise;
      clearTimeout(timer);
    }
    out.end();
    rmSync(logDir, { recursive: true, force: true });
  };

  // A build takes 2–4 minutes on a busy 2-core machine; a start from an existing build a few seconds.
  const deadline = Date.now() + 330_000;
  while (!(await healthy(url))) {
    if (exited || Date.now() > deadline) {
      const text = log();
      await stop();
      throw new Error(`the app on port ${options.port} did not become healthy:\n${text.slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { url, log, stop };
}
