import { writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, expect, it, vi } from "vitest";
import { saveContributionCells } from "@/app/(app)/contributions/actions";
import { closeDb, db, rowsOf } from "@/db";
import { listYearContributions, yearGridPacked, yearGridSql } from "@/db/queries/contributions";
import { toDecimal } from "@/lib/money";
import { closedLoop, figures, type Figures } from "@/scripts/bench/stats";
import { TARGET_YEAR } from "@/scripts/bench/stress-data";
import { actAs } from "../helpers/acting-user";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/acting-user")).sessionModule);
vi.mock("@/lib/request", async (orig) => ({ ...(await orig<object>()), requestId: async () => "req-bench" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

/**
 * Run by scripts/bench-grid.ts (vitest.bench.config.mts), never by `npm run test:unit`: it writes to the
 * bench database named by DATABASE_URL and hands its figures back through the file BENCH_OUT.
 *
 * The grid's SQL, exactly as listYearContributions sends it, for the bare handler to run; then the real
 * cell-save action (guard, zod, scope, lock, conversion, update, audit row) called in-process as one
 * signed-in editor, 1 and 10 at a time, each concurrent user on rows of their own.
 */
const out = process.env.BENCH_OUT;
const url = process.env.DATABASE_URL ?? "";
const USERS = 10;
const ROWS_PER_USER = 4;

it.skipIf(!out)("measures the grid query and the cell-save action", { timeout: 300_000 }, async () => {
  expect(new URL(url).pathname).toMatch(/bench/);
  const grid = await captureGridQuery();
  const queryFigures = await gridQueryFigures();
  const saves = await saveFigures();
  writeFileSync(out!, JSON.stringify({ grid, figures: [queryFigures, ...saves] }));
});

afterAll(() => closeDb());

/** The SQL and parameters of the year grid as the page sends them, and the keys of its rows. */
async function captureGridQuery(): Promise<{ query: string; params: unknown[]; keys: string[]; rows: number }> {
  const { sql, params, keys } = yearGridSql({ year: TARGET_YEAR });
  const rows = await listYearContributions({ year: TARGET_YEAR });
  return { query: sql, params, keys, rows: rows.length };
}

/** The grid's query as the page runs it (raw arrays, packed), one at a time: the database's share of a page view. */
async function gridQueryFigures(): Promise<Figures> {
  for (let i = 0; i < 5; i++) await yearGridPacked({ year: TARGET_YEAR });
  const { samples, wallMs } = await closedLoop(1, 30, async () => void (await yearGridPacked({ year: TARGET_YEAR })));
  return figures("grid query in-process (packed, no render)", 1, samples, wallMs);
}

async function saveFigures(): Promise<Figures[]> {
  await actAs(db, "editor");
  // Assessed lines with an amount and no payments: an amount edit converts, updates and audits, nothing else.
  const rows = await db.execute(
    sql`select id, version, amount::text as amount from contributions c
      where year = ${TARGET_YEAR} and status = 'assessed' and amount is not null and currency <> 'EUR'
        and not exists (select 1 from payments p where p.contribution_id = c.id)
      order by id limit ${USERS * ROWS_PER_USER}`,
  );
  const lines = rowsOf<{ id: number; version: number; amount: string }>(rows).map((r) => ({ id: r.id, version: r.version, amount: r.amount, flip: false }));
  expect(lines).toHaveLength(USERS * ROWS_PER_USER);

  // Each save moves the amount by a cent and the next one back, so the data stays as generated.
  const save = async (worker: number, i: number) => {
    const line = lines[worker * ROWS_PER_USER + (i % ROWS_PER_USER)]!;
    const value = line.flip ? line.amount : toDecimal(line.amount).plus("0.01").toFixed(2);
    const result = await saveContributionCells({ locale: "en", cells: [{ id: line.id, version: line.version, field: "amount", value }] });
    if (!result.ok) throw new Error(`save refused: ${result.error}`);
    line.version = result.data.rows[0]!.version;
    line.flip = !line.flip;
  };
  await closedLoop(1, 20, save);
  const one = await closedLoop(1, 200, save);
  await closedLoop(USERS, 4, save);
  const ten = await closedLoop(USERS, 40, save);
  return [
    figures("cell save, in-process action (guard+update+audit)", 1, one.samples, one.wallMs),
    figures("cell save, in-process action (guard+update+audit)", USERS, ten.samples, ten.wallMs),
  ];
}
