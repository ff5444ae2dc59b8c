/**
 * `npm run bench:grid`: the year grid under load, printed as figures (no assertions; not part of
 * `npm test`). Builds or reuses a stress set (1,000 organizations × 25 years × 2 kinds) in its own
 * database, then measures side by side in one run: the grid page against a bare handler running the same
 * SQL, the cell-save action, and the grid's client JavaScript against the smallest page. Flags: --fresh
 * (rebuild the stress set), --rebuild (force `next build`). Env: DATABASE_URL (the server), BENCH_DATABASE
 * (default cr_bench), BENCH_PORT (default 3440; the bare handler takes the next port).
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import postgres from "postgres";
import { demoPassword } from "../db/seed/demo-users";
import { toDecimal } from "../lib/money";
import { bin, buildApp, startApp, startProcess, stop, waitFor } from "./bench/app-server";
import { launch, pageScripts, signIn, type PageScripts } from "./bench/browser";
import { load } from "./bench/http-load";
import { describeMachine, machine, printGoals, type Goal, type Machine } from "./bench/results";
import { table, type Figures } from "./bench/stats";
import { prepareStressData, TARGET_YEAR } from "./bench/stress-data";
import { benchTarget } from "./bench/target";

const USERS = 10;
const GOALS = { gridOverBare: 2, saveP95Ms: 50, jsRatio: 1.9 };
const ADMIN = "admin@iemaksas.example";
export const SAVE_ACTION = "app/(app)/contributions/actions.ts#saveContributionCells";

const tmp = path.join(process.cwd(), "scripts", "bench", "tmp");
const step = (text: string) => console.log(`› ${text}`);

/** The in-process part: the grid's SQL as drizzle sends it, and the real cell-save action (Vitest). */
function inProcess(url: string): { grid: { query: string; params: unknown[]; keys: string[]; rows: number }; figures: Figures[] } {
  const out = path.join(tmp, "in-process.json");
  const result = spawnSync(bin("vitest"), ["run", "--config", "vitest.bench.config.mts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url, BENCH_OUT: out },
  });
  if (result.status !== 0) throw new Error("the in-process bench (tests/bench/save-cells.perf.ts) failed");
  return JSON.parse(readFileSync(out, "utf8"));
}

export function actionId(key: string): string {
  const manifest = JSON.parse(readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => `${a.filename}#${a.exportedName}` === key);
  if (!found) throw new Error(`no action ${key} in the build`);
  return found[0];
}

/** The same save as the in-process bench, posted as the browser posts it: one cell, its row's version. */
async function httpSaves(sql: postgres.Sql, base: string, cookie: string, concurrency: number, offset: number): Promise<Figures> {
  const perUser = 4;
  const rows = await sql<{ id: number; version: number; amount: string }[]>`
    select id, version, amount::text as amount from contributions c
    where year = ${TARGET_YEAR} and status = 'assessed' and amount is not null and currency <> 'EUR'
      and not exists (select 1 from payments p where p.contribution_id = c.id)
    order by id offset ${offset} limit ${concurrency * perUser}`;
  const lines = rows.map((r) => ({ ...r, flip: false }));
  const id = actionId(SAVE_ACTION);
  const line = (user: number, i: number) => lines[user * perUser + (i % perUser)]!;
  return load(
    `cell save over HTTP (action POST + page re-render)`,
    `${base}/contributions?year=${TARGET_YEAR}`,
    {
      concurrency,
      perUser: concurrency === 1 ? 60 : 12,
      warmup: concurrency === 1 ? 5 : 1,
      call: (user, i) => {
        const l = line(user, i);
        const value = l.flip ? l.amount : toDecimal(l.amount).plus("0.01").toFixed(2);
        return {
          method: "POST",
          headers: { Cookie: cookie, Origin: base, "Next-Action": id, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
          body: JSON.stringify([{ locale: "en", cells: [{ id: l.id, version: l.version, field: "amount", value }] }]),
        };
      },
    },
    (user, i, body) => {
      const l = line(user, i);
      const version = new RegExp(`"id":${l.id},"version":(\\d+)`).exec(body)?.[1];
      if (!version) throw new Error(`save answered without the row: ${body.slice(0, 300)}`);
      l.version = Number(version);
      l.flip = !l.flip;
    },
  );
}

export interface GridReport {
  goals: Goal[];
  figures: Figures[];
  scripts: PageScripts[];
  data: string;
  machine: Machine;
}

/** Measures and prints; `npm run bench` gathers the returned goals with the other sections'. */
export async function benchGrid({ fresh = false, rebuild = false } = {}): Promise<GridReport> {
  const target = benchTarget();
  mkdirSync(tmp, { recursive: true });
  const port = Number(process.env.BENCH_PORT ?? 3440);
  const base = `http://127.0.0.1:${port}`;
  const bareUrl = `http://127.0.0.1:${port + 1}/`;
  const children: ChildProcess[] = [];
  const sql = postgres(target.url, { max: 2, onnotice: () => {} });
  let browser: Awaited<ReturnType<typeof launch>> | undefined;
  try {
    step(`stress data in database "${target.name}"…`);
    step(await prepareStressData(target, { fresh }));
    step("in-process: grid SQL and cell-save action (Vitest)…");
    const inproc = inProcess(target.url);
    step(`grid SQL captured: ${inproc.grid.rows} rows of ${TARGET_YEAR}`);

    const appEnv = {
      ...process.env,
      DATABASE_URL: target.url,
      AUTH_SECRET: randomBytes(33).toString("base64"),
      AUTH_TRUST_HOST: "true",
      NODE_ENV: "production" as const,
      PORT: String(port),
    };
    step(buildApp(appEnv, rebuild));
    children.push(startApp(port, appEnv, path.join(tmp, "next-start.log")));
    children.push(
      startProcess(bin("tsx"), ["scripts/bench/bare-server.ts"], { ...process.env, DATABASE_URL: target.url, PORT: String(port + 1), BENCH_GRID_SQL: path.join(tmp, "in-process.json") }, path.join(tmp, "bare.log")),
    );
    await Promise.all([waitFor(`${base}/api/health`, 60_000), waitFor(bareUrl, 60_000)]);

    browser = await launch();
    const { context, cookie } = await signIn(browser, base, ADMIN, demoPassword());
    step("signed in through the login form; measuring…");

    const gridUrl = `${base}/contributions?year=${TARGET_YEAR}`;
    const grid = await load(`grid page GET /contributions?year=${TARGET_YEAR}`, gridUrl, { concurrency: USERS, perUser: 12, warmup: 2, call: () => ({ headers: { Cookie: cookie } }) }, (_u, _i, body) => {
      if (!body.includes("BENCH-0001") || !body.includes("BENCH-1000")) throw new Error("the grid page did not hold the whole year");
    });
    const bare = await load("bare node:http + postgres.js, same SQL, JSON", bareUrl, { concurrency: USERS, perUser: 30, warmup: 3 });
    const gridAlone = await load(`grid page GET /contributions?year=${TARGET_YEAR}`, gridUrl, { concurrency: 1, perUser: 15, warmup: 2, call: () => ({ headers: { Cookie: cookie } }) });
    const bareAlone = await load("bare node:http + postgres.js, same SQL, JSON", bareUrl, { concurrency: 1, perUser: 30, warmup: 3 });
    // The floor under the grid's figure: the same page with no line to show (session, options, layout,
    // render), and the smallest signed-in page of the app (session check, layout, one read).
    const auth = () => ({ headers: { Cookie: cookie } });
    const noRows = await load("grid page, no line matches (the page's fixed cost)", `${gridUrl}&q=bench-matches-nothing`, { concurrency: USERS, perUser: 12, warmup: 2, call: auth });
    const smallest = await load("a small signed-in page GET /account", `${base}/account`, { concurrency: USERS, perUser: 12, warmup: 2, call: auth });
    const saveOne = await httpSaves(sql, base, cookie, 1, 100);
    const saveTen = await httpSaves(sql, base, cookie, USERS, 200);

    const js: PageScripts[] = [await pageScripts(context, `/contributions?year=${TARGET_YEAR}`), await pageScripts(context, "/bench-no-such-page")];
    const anonymous = await browser.newContext({ baseURL: base, locale: "lv-LV" });
    js.push(await pageScripts(anonymous, "/login"));

    const [inQuery, saveIn1, saveIn10] = inproc.figures;
    const rows = [grid, bare, gridAlone, bareAlone, noRows, smallest, inQuery!, saveIn1!, saveIn10!, saveOne, saveTen];
    const empty = js.slice(1).reduce((a, b) => (b.gzipBytes < a.gzipBytes ? b : a));
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

    const data = await describeData(sql);
    const host = await machine(sql);
    console.log(`\n== bench:grid — ${new Date().toISOString()} — database ${target.name} ==`);
    console.log(`machine    ${describeMachine(host)}`);
    console.log(`data       ${data}\n`);
    console.log(table(rows));
    console.log("\nclient JavaScript (every script file the page loads, gzip -6):");
    for (const p of js) console.log(`  ${p.path.padEnd(32)} HTTP ${p.status}  ${String(p.files).padStart(3)} files  ${kb(p.rawBytes).padStart(10)} raw  ${kb(p.gzipBytes).padStart(9)} gzip`);
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    const goals: Goal[] = [
      {
        name: `year grid page p95 / bare SQL route p95, ${USERS} users`,
        value: grid.p95 / bare.p95,
        unit: "×",
        limit: GOALS.gridOverBare,
        detail: `${ms(grid.p95)} vs ${ms(bare.p95)} (p50 ${ms(grid.p50)} vs ${ms(bare.p50)}); page without lines ${(noRows.p95 / bare.p95).toFixed(2)}× bare`,
      },
      {
        name: "cell save p95, 1 user (guard + update + audit, in process)",
        value: saveIn1!.p95,
        unit: "ms",
        limit: GOALS.saveP95Ms,
        detail: `${USERS} users: ${ms(saveIn10!.p95)}; over HTTP 1 user ${ms(saveOne.p95)}, ${USERS} users ${ms(saveTen.p95)}`,
      },
      {
        name: "grid route first-load JS / smallest page (gzip)",
        value: js[0]!.gzipBytes / empty.gzipBytes,
        unit: "×",
        limit: GOALS.jsRatio,
        detail: `${kb(js[0]!.gzipBytes)} vs ${kb(empty.gzipBytes)} (${empty.path})`,
      },
    ];
    console.log("\ngoals:");
    printGoals(goals);
    return { goals, figures: rows, scripts: js, data, machine: host };
  } finally {
    await browser?.close();
    for (const child of children) await stop(child);
    await sql.end({ timeout: 5 });
  }
}

async function describeData(sql: postgres.Sql): Promise<string> {
  const [row] = await sql<{ total: number; year: number; payments: number }[]>`
    select (select count(*) from contributions)::int as total, (select count(*) from contributions where year = ${TARGET_YEAR})::int as year,
           (select count(*) from payments)::int as payments`;
  return `${row!.total} contributions, ${row!.year} in ${TARGET_YEAR} (the grid), ${row!.payments} payments`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = new Set(process.argv.slice(2));
  benchGrid({ fresh: args.has("--fresh"), rebuild: args.has("--rebuild") }).catch((error: unknown) => {
    console.error("bench:grid failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}


