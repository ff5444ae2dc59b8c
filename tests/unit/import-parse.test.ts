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

async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("parseImportFile: XLSX cells", () => {
  it("reads cached formula results, never formulas; formula-like text, links, rich text, booleans and errors as text", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("Dati");
      ws.addRow(["Gads", "Summa valūtā", "Piezīmes", "Statuss", "MK rīkojums", "Valūta", "Termiņš"]);
      ws.addRow([
        2026,
        { formula: "SUM(A1:A2)", result: 3 },
        '=HYPERLINK("http://example.com","x")',
        { text: "saite", hyperlink: "https://example.com" },
        { richText: [{ text: "Nr. " }, { font: { bold: true }, text: "12" }] },
        true,
        { error: "#N/A" },
      ]);
      ws.addRow([2026, { formula: "1/0" }, { formula: "A1", result: "teksts" }, null, null, null, new Date(Date.UTC(2026, 11, 31))]);
      ws.getCell("G3").numFmt = "dd.mm.yyyy";
    });
    const t = table(await parseImportFile("cells.xlsx", bytes));
    expect(t.sheetName).toBe("Dati");
    expect(t.rows[0]!.cells).toEqual([2026, 3, '=HYPERLINK("http://example.com","x")', "saite", "Nr. 12", "TRUE", "#N/A"]);
    expect(t.rows[1]!.cells).toEqual([2026, null, "teksts", null, null, null, "2026-12-31"]);
  });

  it("uses the first sheet whose header is recognised, else the first sheet", async () => {
    const twoSheets = await workbook((wb) => {
      wb.addWorksheet("Paskaidrojumi").addRow(["Šī lapa ir tikai teksts"]);
      const data = wb.addWorksheet("Dati");
      data.addRow(["Year", "Acronym"]);
      data.addRow([2026, "UN"]);
    });
    expect(table(await parseImportFile("a.xlsx", twoSheets))).toMatchObject({ sheetName: "Dati", headerLine: 1, rows: [{ line: 2, cells: [2026, "UN"] }] });
    const noneRecognised = await workbook((wb) => {
      const first = wb.addWorksheet("Viens");
      first.addRow([]);
      first.addRow(["A", "B"]);
      first.addRow([1, 2]);
      wb.addWorksheet("Divi").addRow(["C", "D"]);
    });
    expect(table(await parseImportFile("a.xlsx", noneRecognised))).toMatchObject({ sheetName: "Viens", headerLine: 2, headers: ["A", "B"], suggested: {} });
  });
});

describe("parseImportFile: broken and hostile files", () => {
  const xlsx = () => workbook((wb) => {
    const ws = wb.addWorksheet("S");
    ws.addRow(["Year", "Acronym"]);
    for (let i = 0; i < 200; i++) ws.addRow([2026, `ORG${i}`]);
  });

  it("answers unreadable for a truncated or corrupted zip, without throwing", async () => {
    const bytes = await xlsx();
    expect(await parseImportFile("half.xlsx", bytes.slice(0, bytes.length >> 1))).toEqual({ ok: false, error: "unreadable" });
    const corrupted = bytes.slice();
    for (let i = 200; i < corrupted.length - 400; i += 7) corrupted[i] = corrupted[i]! ^ 0x5a; // the directory at the end stays sound
    expect(await parseImportFile("bad.xlsx", corrupted)).toMatchObject({ ok: false, error: "unreadable" });
    expect(await parseImportFile("fake.xlsx", utf8("not a zip at all"))).toMatchObject({ ok: false, error: "unreadable" });
  });

  it("answers unsupported for random bytes, xls, pdf and zips that are not workbooks", async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(await parseImportFile("x.bin", random)).toEqual({ ok: false, error: "unsupported" });
    expect(await parseImportFile("x.csv", random)).toEqual({ ok: false, error: "unsupported" });
    expect(await parseImportFile("old.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toEqual({ ok: false, error: "unsupported" });
    expect(await parseImportFile("a.pdf", utf8("%PDF-1.7\n"))).toEqual({ ok: false, error: "unsupported" });
    // A zip of another layout (.ods, .docx): a workbook whose workbook part is renamed, in the entries and the directory.
    const xlsxBytes = Buffer.from(await xlsx());
    const notWorkbook = Buffer.from(xlsxBytes.toString("latin1").replaceAll("xl/workbook.xml", "xl/workbooq.xml"), "latin1");
    expect(notWorkbook.equals(xlsxBytes)).toBe(false);
    expect(await parseImportFile("a.ods", new Uint8Array(notWorkbook))).toEqual({ ok: false, error: "unsupported" });
    expect(await parseImportFile("none.xlsx", await workbook(() => {}))).toEqual({ ok: false, error: "empty" });
  });

  it("answers tooLarge above maxBytes before reading, and empty for no bytes or no data rows", async () => {
    expect(await parseImportFile("a.csv", new Uint8Array(101), { maxBytes: 100 })).toEqual({ ok: false, error: "tooLarge", limit: 100 });
    expect(await parseImportFile("a.csv", new Uint8Array(0))).toEqual({ ok: false, error: "empty" });
    expect(await parseImportFile("a.csv", utf8("\uFEFF\r\n ; \r\n"))).toEqual({ ok: false, error: "empty" });
    expect(await parseImportFile("a.csv", utf8("Gads;Saīsinājums\r\n"))).toEqual({ ok: false, error: "empty" });
    expect(await parseImportFile("a.xlsx", await workbook((wb) => wb.addWorksheet("S").addRow(["Year", "Acronym"])))).toEqual({ ok: false, error: "empty" });
    expect(await parseImportFile("a.xlsx", await xlsx(), { maxUnzippedBytes: 1000 })).toEqual({ ok: false, error: "tooLarge", limit: 1000 });
  });

  it("answers cellTooLong with the line, and tooManyColumns", async () => {
    const huge = "x".repeat(2_001);
    expect(await parseImportFile("a.csv", utf8(`Gads;Piezīmes\n2026;ok\n2026;${huge}\n`))).toEqual({ ok: false, error: "cellTooLong", line: 3, limit: 2_000 });
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("S");
      ws.addRow(["Year", "Notes"]);
      ws.addRow([2026, huge]);
    });
    expect(await parseImportFile("a.xlsx", bytes)).toEqual({ ok: false, error: "cellTooLong", line: 2, limit: 2_000 });
    const wide = Array.from({ length: 61 }, (_, i) => `c${i}`).join(";");
    expect(await parseImportFile("a.csv", utf8(`Gads;Valūta\n${wide}\n`))).toEqual({ ok: false, error: "tooManyColumns", line: 2, limit: 60 });
  });

  it("answers tooLarge when all the cells' text together passes its cap (one long shared string in every cell)", async () => {
    const cell = "y".repeat(1_000);
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("S");
      ws.addRow(["Year", "Notes"]);
      for (let i = 0; i < 50; i++) ws.addRow([2026, cell]);
    });
    expect(await parseImportFile("a.xlsx", bytes, { maxTextChars: 20_000 })).toMatchObject({ ok: false, error: "tooLarge", limit: 20_000 });
    expect((await parseImportFile("a.xlsx", bytes)).ok).toBe(true);
  });

  it("stops a 10⁶-line CSV at the row cap", async () => {
    const bytes = utf8("Gads;Saīsinājums\n" + "1;a\n".repeat(1_000_000));
    expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
    const started = performance.now();
    const result = await parseImportFile("million.csv", bytes);
    console.log(`10⁶-line CSV (${(bytes.length / 1e6).toFixed(1)} MB) -> ${JSON.stringify(result)} in ${Math.round(performance.now() - started)} ms`);
    expect(result).toEqual({ ok: false, error: "tooManyRows", line: 20_002, limit: 20_000 });
  });

  it("stops a streamed 25,000-row XLSX at the row cap", async () => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on("data", (chunk: Buffer) => chunks.push(chunk));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: true });
    const ws = writer.addWorksheet("Rindas");
    ws.addRow(["Gads", "Saīsinājums", "Summa valūtā"]).commit();
    for (let i = 0; i < 25_000; i++) ws.addRow([2026, `ORG${i % 50}`, i + 0.5]).commit();
    ws.commit();
    await writer.commit();
    const bytes = new Uint8Array(Buffer.concat(chunks));
    const started = performance.now();
    const result = await parseImportFile("big.xlsx", bytes);
    console.log(`25,000-row XLSX (${(bytes.length / 1e6).toFixed(2)} MB, shared strings) -> ${JSON.stringify(result)} in ${Math.round(performance.now() - started)} ms`);
    expect(result).toEqual({ ok: false, error: "tooManyRows", line: 20_002, limit: 20_000 });
    const under = await parseImportFile("big.xlsx", bytes, { maxRows: 30_000 });
    expect(under.ok && under.table.rows.length).toBe(25_000);
    expect(under.ok && under.table.rows[24_999]).toEqual({ line: 25_001, cells: [2026, "ORG49", 24_999.5] });
  });
});
