import http from "node:http";
import ExcelJS from "exceljs";
import postgres from "postgres";
import { reportLinesText } from "../../db/queries/report-lines";

/**
 * The yardsticks for the exports (scripts/bench-exports.ts), a process of its own like the app server:
 *   /xlsx  a bare exceljs streaming writer fed by a postgres.js cursor: the same query, rows and columns
 *          (and number formats) as the route's lines export, without title block, labels or totals;
 *   /csv   COPY (the same query) TO STDOUT, streamed through postgres.js as PostgreSQL writes it.
 * Run with `--conditions=react-server` so that the query module's "server-only" guard lets it load.
 */
const { text, params } = reportLinesText({ filters: { year: 2026, ministryId: null, kind: null, scopeMinistryId: null }, allYears: true, locale: "lv" });
if (params.length > 0) throw new Error("COPY takes no parameters: the all-years query must have none");
const sql = postgres(process.env.DATABASE_URL!, { max: 4, onnotice: () => {} });
// Each COPY on a connection of its own, closed after: with postgres 3.4.9 a connection that has streamed a
// COPY TO hung the next query sent on it (a cursor or another COPY), here within a few requests. The
// connection's set-up (~5 ms) counts against the yardstick, a hair in the route's favour.

const KEYS = ["year", "acronym", "organization", "kind", "ministry", "programme", "currency", "amount", "rate", "amountEur", "plannedEur", "paidEur", "outstandingEur", "dueDate", "status", "cabinetOrder", "notes"] as const;
const MONEY = '#,##0.00 "€"';
const FORMATS: Partial<Record<(typeof KEYS)[number], string>> = { year: "#,##0", amount: "#,##0.00", rate: "0.00######", amountEur: MONEY, plannedEur: MONEY, paidEur: MONEY, outstandingEur: MONEY, dueDate: "dd.mm.yyyy" };
const NUMERIC = new Set(["amount", "rate", "amountEur", "plannedEur", "paidEur", "outstandingEur"]);

async function xlsx(res: http.ServerResponse): Promise<void> {
  res.writeHead(200, { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet("Rindas");
  sheet.columns = KEYS.map((key) => ({ width: 14, ...(FORMATS[key] ? { style: { numFmt: FORMATS[key] } } : {}) }));
  sheet.addRow([...KEYS]).commit();
  for await (const batch of sql.unsafe(text).cursor(1_000)) {
    for (const row of batch) {
      sheet
        .addRow(
          KEYS.map((key) => {
            const value = row[key] as string | number | null;
            if (value === null) return null;
            if (NUMERIC.has(key)) return Number(value);
            if (key === "dueDate") return new Date(`${value}T00:00:00Z`);
            return value;
          }),
        )
        .commit();
    }
  }
  sheet.commit();
  await workbook.commit();
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
  const run = req.url === "/xlsx" ? xlsx : req.url === "/csv" ? csv : null;
  if (!run) return void res.writeHead(200).end("ready");
  run(res).catch((error: unknown) => {
    console.error(error);
    res.destroy();
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => void sql.end({ timeout: 2 }).then(() => process.exit(0))));
