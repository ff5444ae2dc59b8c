/**
 * `npm run bench`: every performance goal of the project in one run, each against its bare baseline
 * measured in the same run (no assertions; not part of `npm test`). Builds or reuses the 50,000-line
 * stress set in a database of its own, builds the app once, then:
 *   1. the year grid (scripts/bench-grid.ts): page p50/p95 at 10 users vs the bare SQL route, cell-save
 *      p95, the grid route's first-load JavaScript;
 *   2. the exports (scripts/bench-exports.ts): XLSX time and peak memory vs a bare exceljs writer, CSV vs
 *      `COPY … TO STDOUT`;
 *   3. a mixed load: 20 people reading, editing and exporting for 60 s (scripts/bench/mixed-load.ts):
 *      p95 per kind, errors, conflicts only where two people edit one line.
 * Prints the goals, writes bench/results.json and the table between the README's bench markers.
 * Flags: --fresh (rebuild the stress set), --rebuild (force `next build`).
 * Env: DATABASE_URL (the server), BENCH_DATABASE, BENCH_PORT (grid; exports +5, mixed load +8),
 * BENCH_RUNS (export runs, default 5), BENCH_MIXED_SECONDS (default 60).
 */
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { demoPassword } from "../db/seed/demo-users";
import { actionId, benchGrid, SAVE_ACTION } from "./bench-grid";
import { benchExports } from "./bench-exports";
import { buildApp, startApp, stop, waitFor } from "./bench/app-server";
import { launch, signIn } from "./bench/browser";
import { mixedLoad, MIXED_USERS, type MixedReport } from "./bench/mixed-load";
import { machine, printGoals, writeResults, type Goal } from "./bench/results";
import { table } from "./bench/stats";
import { benchTarget } from "./bench/target";

const tmp = path.join(process.cwd(), "scripts", "bench", "tmp");
const step = (text: string) => console.log(`› ${text}`);

async function benchMixed(seconds: number): Promise<{ report: MixedReport; goals: Goal[] }> {
  const target = benchTarget();
  const port = Number(process.env.BENCH_PORT ?? 3440) + 8;
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, DATABASE_URL: target.url, AUTH_SECRET: randomBytes(33).toString("base64"), AUTH_TRUST_HOST: "true", NODE_ENV: "production" as const, PORT: String(port) };
  step(buildApp(env, false));
  const app = startApp(port, env, path.join(tmp, "mixed-next-start.log"));
  const sql = postgres(target.url, { max: 2, onnotice: () => {} });
  const browser = await launch();
  try {
    await waitFor(`${base}/api/health`, 60_000);
    const editor = await signIn(browser, base, "admin@iemaksas.example", demoPassword());
    const viewer = await signIn(browser, base, "skatitajs@iemaksas.example", demoPassword());
    step(`mixed load: ${MIXED_USERS} users for ${seconds} s…`);
    const report = await mixedLoad({ sql, base, cookies: { editor: editor.cookie, viewer: viewer.cookie }, saveActionId: actionId(SAVE_ACTION), seconds });
    console.log(`\n== mixed load — ${MIXED_USERS} users, ${seconds} s, a pause of 250–750 ms between a user's requests ==`);
    console.log(table(report.figures.map((f) => ({ ...f, label: `${f.label}${f.conflicts ? ` (${f.conflicts} conflicts)` : ""}` }))));
    const p95 = report.figures.map((f) => `${f.kind} ${f.p95.toFixed(0)} ms`).join(", ");
    const goals: Goal[] = [
      { name: `mixed load, ${MIXED_USERS} users × ${seconds} s: failed requests`, value: report.errors, unit: "errors", limit: 0, detail: `${report.figures.reduce((s, f) => s + f.requests, 0)} requests; p95 ${p95}` },
      {
        name: "mixed load: conflicts where nobody else edits the line",
        value: report.unexpectedConflicts,
        unit: "conflicts",
        limit: 0,
        detail: `two people editing one line: ${report.expectedConflicts} conflicts, each answered with the line as saved`,
      },
    ];
    return { report, goals };
  } finally {
    await browser.close();
    await sql.end({ timeout: 5 });
    await stop(app);
  }
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  mkdirSync(tmp, { recursive: true });
  const started = new Date();
  const grid = await benchGrid({ fresh: args.has("--fresh"), rebuild: args.has("--rebuild") });
  const exports = await benchExports();
  const mixed = await benchMixed(Number(process.env.BENCH_MIXED_SECONDS ?? 60));

  const target = benchTarget();
  const sql = postgres(target.url, { max: 1, onnotice: () => {} });
  const host = await machine(sql).finally(() => sql.end({ timeout: 5 }));
  const goals = [...grid.goals, ...exports.goals, ...mixed.goals];
  console.log(`\n== npm run bench — started ${started.toISOString()}, ${((Date.now() - started.getTime()) / 60_000).toFixed(1)} min ==`);
  printGoals(goals);
  const written = writeResults({
    ranAt: started.toISOString(),
    machine: host,
    data: grid.data,
    goals,
    sections: {
      grid: { figures: grid.figures, scripts: grid.scripts, machine: grid.machine },
      exports: { runs: exports.runs, held: exports.held, machine: exports.machine },
      mixed: mixed.report,
    },
  });
  for (const file of written) console.log(`wrote ${path.relative(process.cwd(), file) || file}`);
}

main().catch((error: unknown) => {
  console.error("bench failed:", error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
