import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { csvStream } from "@/lib/export/csv";
import type { Column, Sheet, SheetRow } from "@/lib/export/sheet";
import { xlsxStream } from "@/lib/export/xlsx";
import { parseImportFile, type ParseResult, type ParsedTable } from "@/lib/import/parse";
import { catalogs } from "@/messages";

type Locale = "lv" | "en";
const exportsOf = (locale: Locale) => catalogs[locale].exports as Record<string, Record<string, string>>;
const bytesOf = async (stream: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(stream).arrayBuffer());
const utf8 = (text: string) => new TextEncoder().encode(text);

function table(result: ParseResult): ParsedTable {
  if (!result.ok) throw new Error(`expected a table, got ${JSON.stringify(result)}`);
  return result.table;
}

/** The lines export exactly as app/api/reports/export/sheets.ts builds it: title block, typed columns, rows, a total row. */
function linesSheet(locale: Locale): Sheet {
  const t = exportsOf(locale);
  const c = (key: string, type: Column["type"], decimals?: number): Column => ({ header: t.columns![key]!, type, decimals });
  const columns = [
    c("year", "number", 0), c("organizationCode", "text"), c("organization", "text"), c("kind", "text"), c("ministry", "text"),
    c("programme", "text"), c("currency", "currency"), c("amount", "number", 2), c("rate", "number"), c("amountEur", "money"),
    c("plannedEur", "money"), c("paidEur", "money"), c("outstandingEur", "money"), c("dueDate", "date"), c("status", "text"),
    c("cabinetOrder", "text"), c("notes", "text"),
  ];
  const rows: SheetRow[] = [
    { level: "row", cells: [2026, "UNESCO", "Apvienoto Nāciju Izglītības organizācija", "obligātā", "Ārlietu ministrija", "01.00.00", "EUR", "1234.50", "1", "1234.50", "1200.00", "0.00", "1234.50", "2026-03-31", "plānots", "Nr. 123", "=SUM(A1) piezīme; ar semikolu"] },
    { level: "row", cells: [2026, "OSCE", "Eiropas Drošības un sadarbības organizācija", "brīvprātīgā", "Ārlietu ministrija", "01.00.00", "USD", "1000", "1.08", "925.93", null, null, null, null, "plānots", null, "rinda\nar jaunu rindu"] },
    { level: "total", cells: [null, t.rows!.total!, null, null, null, null, null, null, null, "2160.43", "1200.00", "0.00", "2160.43", null, null, null, null] },
  ];
  const title = { report: t.reports!.lines!.replace("{year}", "2026"), lines: [[t.title!.year!, "2026"], [t.title!.filters!, "—"], [t.title!.generatedAt!, "27.11.2026 10:00"], [t.title!.generatedBy!, "Tester"]] as [string, string][] };
  async function* batches() {
    yield rows;
  }
  return { name: t.sheets!.lines!, title, columns, rows: batches() };
}

const EXPECTED_MAPPING = { year: 0, organization: 1, kind: 3, ministry: 4, programme: 5, currency: 6, amount: 7, plannedEur: 10, dueDate: 13, status: 14, cabinetOrder: 15, notes: 16 };

describe("parseImportFile: the app's own lines export", () => {
  for (const locale of ["lv", "en"] as const) {
    it(`reads the ${locale} XLSX below its title block, numbers as numbers and dates as ISO text`, async () => {
      const result = await parseImportFile("export.xlsx", await bytesOf(xlsxStream([linesSheet(locale)], locale)));
      const t = table(result);
      expect(t).toMatchObject({ format: "xlsx", sheetName: exportsOf(locale).sheets!.lines, separator: null, numberLocale: null, headerLine: 7 });
      expect(t.headers[2]).toBe(exportsOf(locale).columns!.organization);
      expect(t.suggested).toEqual(EXPECTED_MAPPING);
      expect(t.rows.map((r) => r.line)).toEqual([8, 9, 10]);
      const [first, second, total] = t.rows;
      expect(first!.cells).toEqual([2026, "UNESCO", "Apvienoto Nāciju Izglītības organizācija", "obligātā", "Ārlietu ministrija", "01.00.00", "EUR", 1234.5, 1, 1234.5, 1200, 0, 1234.5, "2026-03-31", "plānots", "Nr. 123", "'=SUM(A1) piezīme; ar semikolu"]);
      expect(second!.cells[16]).toBe("rinda\nar jaunu rindu");
      expect(second!.cells.length).toBe(17); // padded to the header's width
      expect(total!.cells[1]).toBe(exportsOf(locale).rows!.total);
    });
  }

  for (const [locale, separator, decimalComma] of [["lv", ";", true], ["en", ",", false]] as const) {
    it(`reads the ${locale} CSV (BOM, CRLF, "${separator}", quoted separators and line breaks)`, async () => {
      const bytes = await bytesOf(csvStream(linesSheet(locale), { separator, decimalComma }));
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const t = table(await parseImportFile("export.csv", bytes));
      expect(t).toMatchObject({ format: "csv", sheetName: null, separator, numberLocale: locale, headerLine: 1 });
      expect(t.headers[0]).toBe(exportsOf(locale).columns!.year); // the BOM is gone
      expect(t.suggested).toEqual(EXPECTED_MAPPING);
      expect(t.rows.map((r) => r.line)).toEqual([2, 3, 4]);
      expect(t.rows[0]!.cells.slice(0, 8)).toEqual(["2026", "UNESCO", "Apvienoto Nāciju Izglītības organizācija", "obligātā", "Ārlietu ministrija", "01.00.00", "EUR", decimalComma ? "1234,50" : "1234.50"]);
      expect(t.rows[0]!.cells[16]).toBe("'=SUM(A1) piezīme; ar semikolu");
      expect(t.rows[1]!.cells[16]).toBe("rinda\nar jaunu rindu");
    });
  }
});

describe("parseImportFile: CSV", () => {
  it("finds a tab separator, reads LF without a BOM and keeps Latvian letters", async () => {
    const t = table(await parseImportFile("dati.txt", utf8("Gads\tSaīsinājums\tPiezīmes\n2026\tĢĶŪ\tžņļčš\n")));
    expect(t).toMatchObject({ separator: "\t", numberLocale: null, headers: ["Gads", "Saīsinājums", "Piezīmes"], suggested: { year: 0, organization: 1, notes: 2 } });
    expect(t.rows).toEqual([{ line: 2, cells: ["2026", "ĢĶŪ", "žņļčš"] }]);
  });

  it('prefers ";" where "," also splits every row evenly (decimal commas)', async () => {
    const t = table(await parseImportFile("a.csv", utf8("Gads;Summa valūtā\r\n2026;1,5\r\n2027;2,5\r\n")));
    expect(t.separator).toBe(";");
    expect(t.rows[1]).toEqual({ line: 3, cells: ["2027", "2,5"] });
  });

  it('reads a ","-separated file with quoted commas, quotes and line breaks, counting lines as Excel rows', async () => {
    const t = table(await parseImportFile("a.csv", utf8('Year,Notes,Amount in currency\n2026,"a, b ""c""",1.5\n2026,"two\nlines",2\n\n2027,x,3\n')));
    expect(t.separator).toBe(",");
    expect(t.rows).toEqual([
      { line: 2, cells: ["2026", 'a, b "c"', "1.5"] },
      { line: 3, cells: ["2026", "two\nlines", "2"] },
      { line: 5, cells: ["2027", "x", "3"] },
    ]);
  });

  it("falls back to windows-1257 for a file that is not UTF-8", async () => {
    // "Gads;Piezīmes\n2026;ā" in the Baltic code page: ī = 0xEE, ā = 0xE2
    const bytes = new Uint8Array([...utf8("Gads;Piez"), 0xee, ...utf8("mes\n2026;"), 0xe2, 0x0a]);
    const t = table(await parseImportFile("old.csv", bytes));
    expect(t.headers).toEqual(["Gads", "Piezīmes"]);
    expect(t.rows[0]!.cells).toEqual(["2026", "ā"]);
  });

  it("takes the first non-empty row for the header when none is recognised", async () => {
    const t = table(await parseImportFile("a.csv", utf8("\n\nA;B;C\n1;2;3\n")));
    expect(t).toMatchObject({ headerLine: 3, headers: ["A", "B", "C"], suggested: {} });
    expect(t.rows).toEqual([{ line: 4, cells: ["1", "2", "3"] }]);
  });

  it("skips a title block above a recognised header", async () => {
    const t = table(await parseImportFile("a.csv", utf8("Iemaksas 2026;\nGads;2026\n\nGads;Saīsinājums;Summa valūtā\n2026;UN;5\n")));
    expect(t).toMatchObject({ headerLine: 4, suggested: { year: 0, organization: 1, amount: 2 } });
  });
});
