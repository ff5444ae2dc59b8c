import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { Locale } from "@/lib/i18n/config";
import { safeText, sheetName, widthOf, type Column, type Sheet, type SheetRow } from "./sheet";
import { pullStream } from "./stream";

/**
 * Excel number formats. A format code's `,` and `.` are placeholders that Excel shows with the reader's
 * own separators, so one code reads `1 234,56 €` in a Latvian Excel and `1,234.56 €` in an English one.
 */
export const NUMBER_FORMATS = {
  money: '#,##0.00 "€"',
  amount: "#,##0.00",
  count: "#,##0",
  plain: "0",
  rate: "0.00######",
  percent: "0.0%",
} as const;

const DATE_FORMAT: Record<Locale, string> = { lv: "dd.mm.yyyy", en: "dd/mm/yyyy" };

function numFmtOf(column: Column, locale: Locale): string | undefined {
  switch (column.type) {
    case "money":
      return NUMBER_FORMATS.money;
    case "number":
      if (column.plain) return NUMBER_FORMATS.plain;
      return column.decimals === 2 ? NUMBER_FORMATS.amount : column.decimals === 0 ? NUMBER_FORMATS.count : NUMBER_FORMATS.rate;
    case "percent":
      return NUMBER_FORMATS.percent;
    case "date":
      return DATE_FORMAT[locale];
    default:
      return undefined;
  }
}

type XlsxValue = string | number | Date | null;

/** Numbers as real numeric cells (a decimal string of ≤ 15 digits is exactly the double Excel stores). */
function converters(columns: readonly Column[]): ((value: SheetRow["cells"][number]) => XlsxValue)[] {
  return columns.map((column) => {
    switch (column.type) {
      case "money":
      case "number":
        return (value) => (value === null ? null : Number(value));
      case "percent":
        return (value) => (value === null ? null : Number(value) / 100);
      case "date":
        return (value) => {
          if (value === null) return null;
          const [y, m, d] = String(value).split("-").map(Number);
          return new Date(Date.UTC(y!, m! - 1, d!));
        };
      case "text":
        return (value) => (value === null ? null : safeText(String(value)));
      default:
        return (value) => (value === null ? null : String(value));
    }
  });
}

type Drainable = NodeJS.EventEmitter & { _writableState?: { needDrain?: boolean } };

/**
 * The stream exceljs pipes a sheet's XML into: archiver's input for the sheet's zip entry, in front of the
 * compressor. exceljs does not expose it (it ignores that stream's backpressure); undefined if that changes.
 */
function zipInputOf(worksheet: ExcelJS.Worksheet): Drainable | undefined {
  return (worksheet as unknown as { stream?: { pipes?: Drainable[] } }).stream?.pipes?.[0];
}

/** Until `stream` has written out what it holds, or the download is over (the drain would never come). */
function drained(stream: Drainable, output: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      output.off("close", done);
      resolve();
    };
    stream.once("drain", done);
    output.once("close", done);
  });
}

async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: Sheet, locale: Locale, output: PassThrough): Promise<void> {
  const headerRow = sheet.title.lines.length + 3; // title, its lines, a blank row, then the header
  const worksheet = workbook.addWorksheet(sheetName(sheet.name), {
    views: [{ state: "frozen", xSplit: 0, ySplit: headerRow }],
  });
  // Column styles are written with the sheet's opening, so they are set before the first row is committed;
  // every cell added later takes its column's number format.
  worksheet.columns = sheet.columns.map((column) => {
    const numFmt = numFmtOf(column, locale);
    return { width: widthOf(column), ...(numFmt ? { style: { numFmt } } : {}) };
  });
  worksheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: sheet.columns.length } };

  const title = worksheet.addRow([safeText(sheet.title.report)]);
  title.font = { bold: true, size: 14 };
  title.commit();
  for (const [label, value] of sheet.title.lines) worksheet.addRow([safeText(label), safeText(value)]).commit();
  worksheet.addRow([]).commit();
  const header = worksheet.addRow(sheet.columns.map((c) => safeText(c.header)));
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.commit();

  const convert = converters(sheet.columns);
  for await (const batch of sheet.rows) {
    for (const row of batch) {
      const added = worksheet.addRow(convert.map((to, i) => to(row.cells[i] ?? null)));
      if (row.level !== "row") added.font = { bold: true };
      added.commit();
    }
    // exceljs waits for nothing: not for its compressor (on a busy server the uncompressed XML of tens of
    // thousands of rows queued before it, npm run bench:exports), nor for a slow reader (a download over
    // a slow link would buffer the whole workbook). The next batch is read from the cursor only once the
    // zip has taken this one in and the client has taken the zip's output.
    const zipInput = zipInputOf(worksheet);
    if (zipInput?._writableState?.needDrain) await drained(zipInput, output);
    if (output.writableNeedDrain) await drained(output, output);
    // A client that went away: stop here, which closes the cursor, instead of writing to no one.
    if (output.destroyed) throw new Error("the download was aborted");
  }
  worksheet.commit();
}

/**
 * The sheets as one workbook, streamed: exceljs' WorkbookWriter writes each committed row into the zip
 * as it goes (inline strings, no shared-string table to keep), so memory stays at a batch of rows.
 */
export function xlsxStream(sheets: readonly Sheet[], locale: Locale): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "Contributions Register";
  (async () => {
    for (const sheet of sheets) await writeSheet(workbook, sheet, locale, output);
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  // Not Readable.toWeb: its queue counts chunks, not bytes, and reads ahead thousands of them.
  return pullStream(output);
}
