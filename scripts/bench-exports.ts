/**
 * `npm run bench:exports`: the report exports against the stress set (1,000 organizations × 25 years × 2
 * kinds, ~50,000 lines), printed as figures (no assertions; not part of `npm test`). Side by side in one
 * run: the lines export of every year through the real route (production build, a signed-in HTTP request)
 * against yardsticks:
 *   XLSX  route vs a bare exceljs streaming writer fed by a postgres.js cursor, same rows and columns
 *         (scripts/bench/bare-xlsx.ts), run twice: in a process of its own (scripts/bench/export-server.ts)
 *         and inside the Next server's process, on the same heap as the route;
 *   CSV   route vs COPY (the same query) TO STDOUT streamed through postgres.js (the yardstick process).
 * Time is to the last byte. Memory, three views (scripts/bench/process-memory.ts): the whole process's
 * resident set from /proc, sampled every 10 ms; what the export adds, measured from inside by a probe
 * preloaded into both servers (scripts/bench/memory-probe.mjs): garbage collected before each run, then
 * the peak of RSS, used heap and external memory over that baseline; and what it holds, the same with a
 * collection before each sample. The XLSX memory goal compares the route with the bare writer in the same
 * process: the Next server idles at ~255 MB against ~145 MB for a bare process (after a collection), and a
 * larger heap also lets V8 collect later, so neither whole-process peaks nor growth in different processes
 * compare the exports alone. Runs alternate their order; medians with min–max.
 * Flags: --fresh (rebuild the stress set), --rebuild (force `next build`).
 * Env: DATABASE_URL (the server), BENCH_DATABASE (default cr_bench), BENCH_PORT (default 3445; the
 * yardstick takes the next port), BENCH_RUNS (default 5).
 */
import { type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import postgres from "postgres";
import { demoPassword } from "../db/seed/demo-users";
import { bin, buildApp, startApp, startProcess, stop, waitFor } from "./bench/app-server";
import { launch, signIn } from "./bench/browser";
import { describeMachine, machine, printGoals, type Goal, type Machine } from "./bench/results";
import { listener, measure, probeOf, processTree, type Run, type Target } from "./bench/process-memory";
import { prepareStressData } from "./bench/stress-data";
import { benchTarget } from "./bench/target";

const GOALS = { xlsxTime: 1.3, xlsxMemory: 1.3, csvTime: 2 };
const ADMIN = "admin@iemaksas.example";
const tmp = path.join(process.cwd(), "scripts", "bench", "tmp");
const step = (text: string) => console.log(`› ${text}`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (n: number) => (n / 2 ** 20).toFixed(0);
/** Median with the spread of the runs: "71 [58–90]". */
const spread = (xs: number[], show: (n: number) => string) => `${show(median(xs))} [${show(Math.min(...xs))}–${show(Math.max(...xs))}]`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

export interface ExportsReport {
  goals: Goal[];
  /** Per measurement: the runs as measured (time, bytes, memory). */
  runs: Record<string, Run[]>;
  held: Record<string, Run[]>;
  machine: Machine;
}

/** Measures and prints; `npm run bench` gathers the returned goals with the other sections'. */
export async function benchExports({ fresh = false, rebuild = false } = {}): Promise<ExportsReport> {
  const target = benchTarget();
  const probeDir = path.join(tmp, "probes");
  rmSync(probeDir, { recursive: true, force: true });
  mkdirSync(probeDir, { recursive: true });
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const port = Number(process.env.BENCH_PORT ?? 3445);
  const base = `http://127.0.0.1:${port}`;
  const bare = `http://127.0.0.1:${port + 1}`;
  // The probe rides along in both servers; this process and the browser go without.
  const probed = {
    BENCH_PROBE_DIR: probeDir,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--expose-gc", `--import ${pathToFileURL(path.join(process.cwd(), "scripts", "bench", "memory-probe.mjs")).href}`].filter(Boolean).join(" "),
  };
  const children: ChildProcess[] = [];
  let browser: Awaited<ReturnType<typeof launch>> | undefined;
  try {
    step(`stress data in database "${target.name}"…`);
    step(await prepareStressData(target, { fresh }));
    const appEnv = { ...process.env, DATABASE_URL: target.url, AUTH_SECRET: randomBytes(33).toString("base64"), AUTH_TRUST_HOST: "true", NODE_ENV: "production" as const, PORT: String(port) };
    step(buildApp(appEnv, rebuild));
    const app = startApp(port, { ...appEnv, ...probed }, path.join(tmp, "exports-next-start.log"));
    const yardstick = startProcess(bin("tsx"), ["--conditions=react-server", "scripts/bench/export-server.ts"], { ...process.env, ...probed, DATABASE_URL: target.url, PORT: String(port + 1), NODE_ENV: "production" }, path.join(tmp, "exports-bare.log"));
    children.push(app, yardstick);
    await Promise.all([waitFor(`${base}/api/health`, 60_000), waitFor(bare, 60_000)]);
    browser = await launch();
    const { cookie } = await signIn(browser, base, ADMIN, demoPassword());
    await browser.close();
    browser = undefined;

    // The processes that serve, found by their listening sockets (tsx runs the yardstick as a child).
    const appPid = listener(processTree(app.pid!), port);
    const barePid = listener(processTree(yardstick.pid!), port + 1);
    const appProbe = probeOf(probeDir, appPid);
    const bareProbe = probeOf(probeDir, barePid);
    if (!appProbe.ready() || !bareProbe.ready()) throw new Error(`no memory probe answers in ${probeDir}`);
    await appProbe.setup(await (await fetch(`${bare}/sql`)).text());
    step("signed in through the login form; the bare writer loaded into the Next server; measuring…");

    const route = (format: string): Target => ({ url: `${base}/api/reports/export?view=lines&format=${format}&year=2026&allYears=1`, headers: { Cookie: cookie } });
    const measured: Record<"routeXlsx" | "sameXlsx" | "bareXlsx" | "routeCsv" | "copyCsv", Run[]> = { routeXlsx: [], sameXlsx: [], bareXlsx: [], routeCsv: [], copyCsv: [] };
    const once = async (round: number) => {
      // Alternating which XLSX goes first in the Next process, so that neither always inherits the other's heap.
      const pair = [
        async () => measured.routeXlsx.push(await measure(route("xlsx"), appPid, appProbe)),
        async () => measured.sameXlsx.push(await measure(appProbe.xlsx, appPid, appProbe)),
      ];
      for (const run of round % 2 === 0 ? pair : pair.reverse()) await run();
      measured.bareXlsx.push(await measure({ url: `${bare}/xlsx` }, barePid, bareProbe));
      measured.routeCsv.push(await measure(route("csv"), appPid, appProbe));
      measured.copyCsv.push(await measure({ url: `${bare}/csv` }, barePid, bareProbe));
    };
    await once(1); // warm-up: first compilation of the route, the pools' connections, the page cache
    for (const list of Object.values(measured)) list.length = 0;
    for (let i = 0; i < runs; i++) await once(i);
    // Then what each XLSX export holds (the probe collects before each sample), in runs of their own.
    const held: Record<"routeXlsx" | "sameXlsx" | "bareXlsx", Run[]> = { routeXlsx: [], sameXlsx: [], bareXlsx: [] };
    for (let i = 0; i < runs; i++) {
      const pair = [
        async () => held.routeXlsx.push(await measure(route("xlsx"), appPid, appProbe, { live: true })),
        async () => held.sameXlsx.push(await measure(appProbe.xlsx, appPid, appProbe, { live: true })),
      ];
      for (const run of i % 2 === 0 ? pair : pair.reverse()) await run();
      held.bareXlsx.push(await measure({ url: `${bare}/xlsx` }, barePid, bareProbe, { live: true }));
    }

    const rows: [string, Run[]][] = [
      ["XLSX  route GET /api/reports/export (lines, all years)", measured.routeXlsx],
      ["XLSX  bare writer, inside the Next server process", measured.sameXlsx],
      ["XLSX  bare writer, process of its own", measured.bareXlsx],
      ["CSV   route GET /api/reports/export (lines, all years, lv ;)", measured.routeCsv],
      ["CSV   COPY (same query) TO STDOUT via postgres.js, own process", measured.copyCsv],
    ];
    console.log(`\n== bench:exports — ${new Date().toISOString()} — database ${target.name}, ${runs} runs after a warm-up: median [min–max] ==`);
    const sql = postgres(target.url, { max: 1, onnotice: () => {} });
    const host = await machine(sql).finally(() => sql.end({ timeout: 5 }));
    console.log(describeMachine(host));
    const width = Math.max(...rows.map(([label]) => label.length));
    const table = (title: string, columns: [string, number][], cells: (runs: Run[]) => string[], lines = rows) => {
      console.log(`\n${title}`);
      console.log(`${"measurement".padEnd(width)}  ${columns.map(([name, w]) => name.padStart(w)).join("  ")}`);
      for (const [label, list] of lines) console.log(`${label.padEnd(width)}  ${cells(list).map((c, i) => c.padStart(columns[i]![1])).join("  ")}`);
    };
    const growthColumns: [string, number][] = [["RSS MB", 13], ["heap used MB", 13], ["external MB", 13]];
    table("time, and the whole serving process's resident set (/proc, every 10 ms; idle after a forced GC):", [["time s", 17], ["MB out", 6], ["lines", 6], ["idle RSS MB", 13], ["peak RSS MB", 13]], (list) => [
      spread(list.map((r) => r.ms / 1000), (n) => n.toFixed(2)),
      (list[0]!.bytes / 2 ** 20).toFixed(1),
      String(list[0]!.lines),
      spread(list.map((r) => r.idleRss), mb),
      spread(list.map((r) => r.peakRss), mb),
    ]);
    table("what the export adds over its process's collected baseline (probe; peak − baseline):", growthColumns, (list) => [
      spread(list.map((r) => r.growth.rss), mb),
      spread(list.map((r) => r.growth.heapUsed), mb),
      spread(list.map((r) => r.growth.external), mb),
    ]);

    table("what the XLSX export holds: the same, with a full collection before each sample (every 250 ms; slower, untimed):", growthColumns, (list) => [
      spread(list.map((r) => r.growth.rss), mb),
      spread(list.map((r) => r.growth.heapUsed), mb),
      spread(list.map((r) => r.growth.external), mb),
    ], rows.slice(0, 3).map(([label], i) => [label, Object.values(held)[i]!]));

    const m = (list: Run[], pick: (r: Run) => number) => median(list.map(pick));
    const { routeXlsx: rx, sameXlsx: sx, bareXlsx: bx, routeCsv: rc, copyCsv: cc } = measured;
    const growth = (r: Run) => r.growth.rss;
    const heap = (r: Run) => r.growth.heapUsed;
    const whole = (r: Run) => r.peakRss;
    const live = (r: Run) => r.growth.heapUsed + r.growth.external;
    const goals: Goal[] = [
      {
        name: "XLSX export time, route / bare exceljs writer (all lines)",
        value: m(rx, (r) => r.ms) / m(bx, (r) => r.ms),
        unit: "×",
        limit: GOALS.xlsxTime,
        detail: `${(m(rx, (r) => r.ms) / 1000).toFixed(2)} s vs ${(m(bx, (r) => r.ms) / 1000).toFixed(2)} s, ${rc[0]!.lines} lines`,
      },
      {
        // Like for like: both writers in the Next server's process, whose idle size (~110 MB above a bare
        // Node process) is not the export's. The other views are printed above and in the README.
        name: "XLSX export peak memory, route / bare writer (same process, peak RSS)",
        value: m(rx, whole) / m(sx, whole),
        unit: "×",
        limit: GOALS.xlsxMemory,
        detail: `${mb(m(rx, whole))} vs ${mb(m(sx, whole))} MB; added at the peak ${mb(m(rx, growth))} vs ${mb(m(sx, growth))} MB RSS; held ${mb(m(held.routeXlsx, live))} vs ${mb(m(held.sameXlsx, live))} MB; bare writer in its own process peaks at ${mb(m(bx, whole))} MB`,
      },
      {
        name: "CSV export time, route / COPY … TO STDOUT (all lines)",
        value: m(rc, (r) => r.ms) / m(cc, (r) => r.ms),
        unit: "×",
        limit: GOALS.csvTime,
        detail: `${(m(rc, (r) => r.ms) / 1000).toFixed(2)} s vs ${(m(cc, (r) => r.ms) / 1000).toFixed(2)} s`,
      },
    ];
    console.log("\nmemory, other views (ratios of medians):");
    console.log(`  route / bare (same process), added   RSS ${ratio(m(rx, growth), m(sx, growth))}, heap used ${ratio(m(rx, heap), m(sx, heap))}  (the peak over a collected baseline, garbage included; moves with V8's timing)`);
    console.log(`  route / bare (same process), held    heap + external ${ratio(m(held.routeXlsx, live), m(held.sameXlsx, live))}  (what the export keeps alive)`);
    console.log(`  route / bare (own process), whole-process peak RSS ${ratio(m(rx, whole), m(bx, whole))}  (the Next server idles at ${mb(m(rx, (r) => r.idleRss))} MB, the bare process at ${mb(m(bx, (r) => r.idleRss))} MB)`);
    console.log("\ngoals (ratios of medians):");
    printGoals(goals);
    return { goals, runs: measured, held, machine: host };
  } finally {
    await browser?.close();
    for (const child of children) await stop(child);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = new Set(process.argv.slice(2));
  benchExports({ fresh: args.has("--fresh"), rebuild: args.has("--rebuild") }).catch((error: unknown) => {
    console.error("bench:exports failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
