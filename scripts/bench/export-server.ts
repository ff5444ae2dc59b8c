import http from "node:http";
import postgres from "postgres";
import { reportLinesText } from "../../db/queries/report-lines";
import { writeBareXlsx } from "./bare-xlsx";

/**
 * The yardsticks for the exports (scripts/bench-exports.ts), a process of its own like the app server:
 *   /xlsx  a bare exceljs streaming writer fed by a postgres.js cursor (bare-xlsx.ts);
 *   /csv   COPY (the same query) TO STDOUT, streamed through postgres.js as PostgreSQL writes it;
 *   /sql   the query's text, for the same yardstick run inside the Next server (memory-probe.mjs).
 * Run with `--conditions=react-server` so that the query module's "server-only" guard lets it load.
 */
const { text, params } = reportLinesText({ filters: { year: 2026, ministryId: null, kind: null, scopeMinistryId: null }, allYears: true, locale: "lv" });
if (params.length > 0) throw new Error("COPY takes no parameters: the all-years query must have none");
const sql = postgres(process.env.DATABASE_URL!, { max: 4, onnotice: () => {} });
// Each COPY on a connection of its own, closed after: with postgres 3.4.9 a connection that has streamed a
// COPY TO hung the next query sent on it (a cursor or another COPY), here within a few requests. The
// connection's set-up (~5 ms) counts against the yardstick, a hair in the route's favour.

async function xlsx(res: http.ServerResponse): Promise<void> {
  res.writeHead(200, { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  await writeBareXlsx(sql, text, res);
}

async function csv(res: http.ServerResponse): Promise<void> {
  res.writeHead(200, { "Content-Type": "text/csv; charset=utf-8" });
  const copySql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const copy = await copySql.unsafe(`copy (${text}) to stdout with (format csv, header, delimiter ';')`).readable();
    await new Promise<void>((resolve, reject) => copy.on("error", reject).pipe(res).on("finish", resolve).on("error", reject));
  } finally {
    await copySql.end({ timeout: 2 });
  }
}

const server = http.createServer((req, res) => {
  if (req.url === "/sql") return void res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" }).end(text);
  const run = req.url === "/xlsx" ? xlsx : req.url === "/csv" ? csv : null;
  if (!run) return void res.writeHead(200).end("ready");
  run(res).catch((error: unknown) => {
    console.error(error);
    res.destroy();
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => void sql.end({ timeout: 2 }).then(() => process.exit(0))));
