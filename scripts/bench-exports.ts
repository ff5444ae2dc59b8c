/**
 * `npm run bench:exports`: the report exports against the stress set (1,000 organizations × 25 years × 2
 * kinds, ~50,000 lines), printed as figures (no assertions; not part of `npm test`). Side by side in one
 * run: the lines export of every year through the real route (production build, a signed-in HTTP request)
 * against yardsticks in a process of their own (scripts/bench/export-server.ts):
 *   XLSX  route vs a bare exceljs streaming writer fed by a postgres.js cursor, same rows and columns;
 *   CSV   route vs COPY (the same query) TO STDOUT streamed through postgres.js.
 * Time is to the last byte; memory is the resident set of the process listening on the port, sampled every
 * 10 ms during the request. Flags: --fresh (rebuild the stress set), --rebuild (force `next build`).
 * Env: DATABASE_URL (the server), BENCH_DATABASE (default cr_bench), BENCH_PORT (default 3445; the
 * yardstick takes the next port), BENCH_RUNS (default 3).
 */
import { type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { demoPassword } from "../db/seed/demo-users";
import { bin, buildApp, startApp, startProcess, stop, waitFor } from "./bench/app-server";
import { launch, signIn } from "./bench/browser";
import { prepareStressData } from "./bench/stress-data";
import { benchTarget } from "./bench/target";

const GOALS = { xlsxTime: 1.3, xlsxMemory: 1.3, csvTime: 2 };
const ADMIN = "admin@iemaksas.example";
const args = new Set(process.argv.slice(2));
const tmp = path.join(process.cwd(), "scripts", "bench", "tmp");
const step = (text: string) => console.log(`› ${text}`);

/** A process and all its descendants (Linux /proc), listed once: walking /proc on every sample cost more than the sample. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while being listed
    }
  }
  const tree: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/**
 * The one process of a tree that listens on `port`: the server itself, without the launchers around it
 * (npx/tsx CLIs, esbuild's service) whose memory is not the export's.
 */
function listener(tree: readonly number[], port: number): number[] {
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set(
    ["/proc/net/tcp", "/proc/net/tcp6"].flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .slice(1)
        .map((line) => line.trim().split(/\s+/))
        .filter((f) => f[1]?.endsWith(`:${hex}`) && f[3] === "0A")
        .map((f) => f[9]!),
    ),
  );
  const found = tree.filter((pid) => {
    try {
      return readdirSync(`/proc/${pid}/fd`).some((fd) => {
        try {
          return inodes.has(/socket:\[(\d+)\]/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1] ?? "");
        } catch {
          return false;
        }
      });
    } catch {
      return false;
    }
  });
  if (found.length === 0) throw new Error(`no process of the tree listens on port ${port}`);
  return found;
}

/** Resident set of the processes, in bytes. */
function treeRss(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      total += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
    } catch {
      // gone
    }
  }
  return total;
}

interface Run {
  ms: number;
  bytes: number;
  lines: number;
  idleRss: number;
  peakRss: number;
}

/** One download to the last byte, the server's memory sampled meanwhile. */
async function measure(url: string, pid: readonly number[], headers: Record<string, string> = {}): Promise<Run> {
  const idleRss = treeRss(pid);
  let peakRss = idleRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRss(pid))), 10);
  const started = performance.now();
  try {
    const { bytes, lines, status } = await new Promise<{ bytes: number; lines: number; status: number }>((resolve, reject) => {
      http
        .get(url, { headers, agent: false }, (res) => {
          let bytes = 0;
          let lines = 0;
          res.on("data", (chunk: Buffer) => {
            bytes += chunk.length;
            for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
          });
          res.on("end", () => resolve({ bytes, lines, status: res.statusCode ?? 0 }));
          res.on("error", reject);
        })
        .on("error", reject);
    });
    if (status !== 200) throw new Error(`${url} answered ${status}`);
    return { ms: performance.now() - started, bytes, lines, idleRss, peakRss: Math.max(peakRss, treeRss(pid)) };
  } finally {
    clearInterval(sampler);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (n: number) => (n / 2 ** 20).toFixed(0);

interface Summary {
  label: string;
  ms: number;
  bytes: number;
  lines: number;
  peakRss: number;
  growth: number;
}
function summarize(label: string, runs: Run[]): Summary {
  return {
    label,
    ms: median(runs.map((r) => r.ms)),
    bytes: runs[0]!.bytes,
    lines: runs[0]!.lines,
    peakRss: Math.max(...runs.map((r) => r.peakRss)),
    growth: Math.max(...runs.map((r) => r.peakRss - r.idleRss)),
  };
}

async function main(): Promise<void> {
  const target = benchTarget();
  mkdirSync(tmp, { recursive: true });
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const port = Number(process.env.BENCH_PORT ?? 3445);
  const base = `http://127.0.0.1:${port}`;
  const bare = `http://127.0.0.1:${port + 1}`;
  const children: ChildProcess[] = [];
  let browser: Awaited<ReturnType<typeof launch>> | undefined;
  try {
    step(`stress data in database "${target.name}"…`);
    step(await prepareStressData(target, { fresh: args.has("--fresh") }));
    const appEnv = { ...process.env, DATABASE_URL: target.url, AUTH_SECRET: randomBytes(33).toString("base64"), AUTH_TRUST_HOST: "true", NODE_ENV: "production" as const, PORT: String(port) };
    step(buildApp(appEnv, args.has("--rebuild")));
    const app = startApp(port, appEnv, path.join(tmp, "exports-next-start.log"));
    const yardstick = startProcess(bin("tsx"), ["--conditions=react-server", "scripts/bench/export-server.ts"], { ...process.env, DATABASE_URL: target.url, PORT: String(port + 1), NODE_ENV: "production" }, path.join(tmp, "exports-bare.log"));
    children.push(app, yardstick);
    await Promise.all([waitFor(`${base}/api/health`, 60_000), waitFor(bare, 60_000)]);
    browser = await launch();
    const { cookie } = await signIn(browser, base, ADMIN, demoPassword());
    await browser.close();
    browser = undefined;
    step("signed in through the login form; measuring…");

    // Memory of the process that serves, found by its listening socket (tsx runs the yardstick as a child).
    const appPid = listener(processTree(app.pid!), port);
    const barePid = listener(processTree(yardstick.pid!), port + 1);
    const routeUrl = (format: string) => `${base}/api/reports/export?view=lines&format=${format}&year=2026&allYears=1`;
    const measured: Record<string, Run[]> = { routeXlsx: [], bareXlsx: [], routeCsv: [], copyCsv: [] };
    const once = async () => {
      measured.routeXlsx!.push(await measure(routeUrl("xlsx"), appPid, { Cookie: cookie }));
      measured.bareXlsx!.push(await measure(`${bare}/xlsx`, barePid));
      measured.routeCsv!.push(await measure(routeUrl("csv"), appPid, { Cookie: cookie }));
      measured.copyCsv!.push(await measure(`${bare}/csv`, barePid));
    };
    await once(); // warm-up: first compilation of the route, the pool's connections, the page cache
    for (const key of Object.keys(measured)) measured[key] = [];
    for (let i = 0; i < runs; i++) await once();

    const rows = [
      summarize("XLSX  route GET /api/reports/export (lines, all years)", measured.routeXlsx!),
      summarize("XLSX  bare exceljs WorkbookWriter + postgres.js cursor", measured.bareXlsx!),
      summarize("CSV   route GET /api/reports/export (lines, all years, lv ;)", measured.routeCsv!),
      summarize("CSV   COPY (same query) TO STDOUT via postgres.js", measured.copyCsv!),
    ];
    console.log(`\n== bench:exports — ${new Date().toISOString()} — database ${target.name}, ${runs} runs after a warm-up (median time, max memory) ==`);
    console.log(`CPU ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}; RAM ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}; load ${os.loadavg().map((x) => x.toFixed(2)).join(" / ")}`);
    const width = Math.max(...rows.map((r) => r.label.length));
    console.log(`${"measurement".padEnd(width)}  ${"time s".padStart(7)}  ${"MB out".padStart(7)}  ${"lines".padStart(7)}  ${"peak RSS MB".padStart(11)}  ${"growth MB".padStart(9)}`);
    for (const r of rows) {
      console.log(`${r.label.padEnd(width)}  ${(r.ms / 1000).toFixed(2).padStart(7)}  ${(r.bytes / 2 ** 20).toFixed(1).padStart(7)}  ${String(r.lines).padStart(7)}  ${mb(r.peakRss).padStart(11)}  ${mb(r.growth).padStart(9)}`);
    }
    const [rx, bx, rc, cc] = rows as [Summary, Summary, Summary, Summary];
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    console.log("\ngoals:");
    console.log(`  XLSX time         route / bare  ${ratio(rx.ms, bx.ms)}  (goal ≤ ${GOALS.xlsxTime}×)`);
    console.log(`  XLSX peak memory  route / bare  ${ratio(rx.peakRss, bx.peakRss)}  (goal ≤ ${GOALS.xlsxMemory}×; growth during the export ${mb(rx.growth)} vs ${mb(bx.growth)} MB)`);
    console.log(`  CSV time          route / COPY  ${ratio(rc.ms, cc.ms)}  (goal ≤ ${GOALS.csvTime}×)`);
  } finally {
    await browser?.close();
    for (const child of children) await stop(child);
  }
}

main().catch((error: unknown) => {
  console.error("bench:exports failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
