import { once } from "node:events";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type postgres from "postgres";

/**
 * The XLSX yardstick of `npm run bench:exports`: a bare exceljs streaming writer fed by a postgres.js cursor,
 * with what the route's lines sheet has that costs memory, and nothing else: the same query and batch size
 * (1,000), rows as arrays (`.values()`), the same columns, widths and number formats, the same WorkbookWriter
 * options (styles on, inline strings, archiver's default zip level), one commit per row, and the same wait for
 * a full socket after each batch. No title block, translated labels, formula guard or total row.
 *
 * Mirrors the columns of `linesSheet` in app/api/reports/export/sheets.ts: a column added there (with its
 * query field in REPORT_LINE_KEYS) is added to COLUMNS here, or the two stop writing the same workbook.
 *
 * Plain module (exceljs and postgres only): loaded by the yardstick process (export-server.ts) and, through
 * the memory probe (memory-probe.mjs), inside the Next server's own process.
 */

/** Index of each field in a row of the lines query (REPORT_LINE_KEYS order; db/queries/report-lines.ts). */
const FIELDS = ["year", "acronym", "organization", "kind", "ministry", "programme", "currency", "amount", "rate", "amountEur", "plannedEur", "paidEur", "outstandingEur", "dueDate", "status", "cabinetOrder", "notes", "id"];
const MONEY = '#,##0.00 "€"';
type Kind = "number" | "date" | "text";
const COLUMNS: [field: string, width: number, kind: Kind, numFmt?: string][] = [
  ["year", 7, "number", "0"],
  ["acronym", 12, "text"],
  ["organization", 32, "text"],
  ["kind", 12, "text"],
  ["ministry", 28, "text"],
  ["programme", 12, "text"],
  ["currency", 8, "text"],
  ["amount", 14, "number", "#,##0.00"],
  ["rate", 12, "number", "0.00######"],
  ["amountEur", 16, "number", MONEY],
  ["plannedEur", 16, "number", MONEY],
  ["paidEur", 16, "number", MONEY],
  ["outstandingEur", 16, "number", MONEY],
  ["dueDate", 12, "date", "dd.mm.yyyy"],
  ["status", 14, "text"],
  ["cabinetOrder", 20, "text"],
  ["notes", 30, "text"],
  ["id", 9, "number", "0"],
];
const INDEX = COLUMNS.map(([field]) => FIELDS.indexOf(field));

function cell(kind: Kind, value: unknown): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (kind === "number") return Number(value);
  if (kind === "date") return new Date(`${String(value)}T00:00:00Z`);
  return String(value);
}

/** The lines query's rows as a workbook written into `stream` (an http.ServerResponse). */
export async function writeBareXlsx(sql: postgres.Sql, text: string, stream: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet("Rindas");
  sheet.columns = COLUMNS.map(([, width, , numFmt]) => ({ width, ...(numFmt ? { style: { numFmt } } : {}) }));
  sheet.addRow(COLUMNS.map(([field]) => field)).commit();
  for await (const batch of sql.unsafe(text).values().cursor(1_000)) {
    for (const row of batch) sheet.addRow(COLUMNS.map(([, , kind], i) => cell(kind, row[INDEX[i]!]))).commit();
    if (stream.writableNeedDrain) await once(stream, "drain");
  }
  sheet.commit();
  await workbook.commit();
}
