import { readFileSync } from "node:fs";
import http from "node:http";
import postgres from "postgres";

/**
 * The yardstick for the grid page: a bare node:http handler that runs the grid's own SQL (captured from
 * drizzle by tests/bench/save-cells.perf.ts) through postgres.js and answers JSON objects keyed as the
 * grid's rows are. Started by scripts/bench-grid.ts as a process of its own, like the app server.
 */
const { query, params, keys } = (JSON.parse(readFileSync(process.env.BENCH_GRID_SQL!, "utf8")) as { grid: { query: string; params: postgres.ParameterOrJSON<never>[]; keys: string[] } }).grid;
// Same pool size as the app (db/index.ts, DATABASE_POOL_MAX); dates as text, as drizzle reads them.
const sql = postgres(process.env.DATABASE_URL!, {
  max: 10,
  onnotice: () => {},
  types: { date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x } },
});

const server = http.createServer(async (_req, res) => {
  try {
    const rows = await sql.unsafe(query, params).values();
    const body = JSON.stringify(rows.map((row) => Object.fromEntries(keys.map((key, i) => [key, row[i]]))));
    res.writeHead(200, { "Content-Type": "application/json" }).end(body);
  } catch (error) {
    res.writeHead(500).end(error instanceof Error ? error.message : "error");
  }
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => void sql.end({ timeout: 2 }).then(() => process.exit(0))));
