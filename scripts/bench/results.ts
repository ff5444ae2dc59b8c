import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type postgres from "postgres";

/** One goal of an issue, measured against its baseline in the same run. */
export interface Goal {
  /** What is compared, e.g. "grid page p95 / bare SQL route p95, 10 users". */
  name: string;
  /** The measured figure in `unit` ("×", "ms", "KB"). */
  value: number;
  unit: string;
  /** The limit: met when value ≤ limit. */
  limit: number;
  /** The two figures the ratio is made of, or whatever makes the value readable. */
  detail: string;
}

export const met = (goal: Goal) => goal.value <= goal.limit;

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  postgres: string;
  /** 1/5/15-minute load averages when the section was measured: a busy machine inflates every time. */
  load: number[];
}

export async function machine(sql: postgres.Sql): Promise<Machine> {
  const [row] = await sql<{ version: string }[]>`select version()`;
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "?",
    cores: cpus.length,
    ramGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    postgres: (row?.version ?? "?").split(" on ")[0]!,
    load: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
}

export const describeMachine = (m: Machine) =>
  `${m.cpu} × ${m.cores} cores, ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.postgres}, load average ${m.load.join(" / ")}`;

const format = (goal: Goal) =>
  goal.unit === "×" ? `${goal.value.toFixed(2)}×` : `${Number.isInteger(goal.value) ? goal.value : goal.value.toFixed(1)} ${goal.unit}`;
const limitText = (goal: Goal) => (goal.unit === "×" ? `≤ ${goal.limit}×` : `≤ ${goal.limit} ${goal.unit}`);

export function printGoals(goals: readonly Goal[]): void {
  const width = Math.max(...goals.map((g) => g.name.length));
  for (const goal of goals) {
    console.log(`  ${goal.name.padEnd(width)}  ${format(goal).padStart(9)}  (goal ${limitText(goal)}: ${met(goal) ? "met" : "MISSED"})  ${goal.detail}`);
  }
}

export interface BenchResults {
  ranAt: string;
  machine: Machine;
  data: string;
  goals: Goal[];
  /** Every section's figures, as printed. */
  sections: Record<string, unknown>;
}

const README_START = "<!-- bench:results:start -->";
const README_END = "<!-- bench:results:end -->";

/** The Markdown the README shows between its markers: the run, the machine, one row per goal. */
export function markdown(results: BenchResults): string {
  const rows = results.goals.map((g) => `| ${g.name} | ${format(g)} | ${limitText(g)} | ${met(g) ? "met" : "**missed**"} | ${g.detail} |`);
  return [
    `Run of ${results.ranAt.slice(0, 16).replace("T", " ")} UTC on ${describeMachine(results.machine)} (at the end of the run).`,
    `Data: ${results.data}.`,
    "",
    "| goal | measured | limit | | side by side |",
    "|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

/** Writes bench/results.json and replaces the README's generated block (between its markers). */
export function writeResults(results: BenchResults, root = process.cwd()): string[] {
  const json = path.join(root, "bench", "results.json");
  mkdirSync(path.dirname(json), { recursive: true });
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  const readme = path.join(root, "README.md");
  const text = readFileSync(readme, "utf8");
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start) return [json, `README.md has no ${README_START} … ${README_END} block: not updated`];
  writeFileSync(readme, `${text.slice(0, start + README_START.length)}\n${markdown(results)}\n${text.slice(end)}`);
  return [json, readme];
}
