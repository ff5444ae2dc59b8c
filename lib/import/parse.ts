import "server-only";
import Papa from "papaparse";
import { recognizeHeaders, type ColumnMapping } from "./fields";
import { IMPORT_LIMITS, TableBuilder, type ImportLimits, type ParseFailure, type ParsedRow } from "./table";
import { readXlsx } from "./xlsx";

export { IMPORT_LIMITS };
export type { ImportLimits, ParseError, ParseFailure, ParsedRow, RawCell } from "./table";

export interface ParsedTable {
  format: "xlsx" | "csv";
  /** xlsx: the sheet used (the first worksheet whose header row is recognised, else the first). */
  sheetName: string | null;
  /** csv only. */
  separator: ";" | "," | "\t" | null;
  /**
   * How numbers written as text are read: ";"-separated CSV uses the decimal comma (lv), ","-separated the
   * point (en); tab-separated CSV and xlsx text cells: null (the reader uses the user's locale).
   */
  numberLocale: "lv" | "en" | null;
  headerLine: number;
  headers: string[];
  /** Data rows after the header; fully empty rows dropped; each padded to headers.length. */
  rows: ParsedRow[];
  suggested: ColumnMapping;
}
export type ParseResult = { ok: true; table: ParsedTable } | ParseFailure;

type Format = "xlsx" | "csv" | "unsupported";

/** Magic bytes first: a renamed file is read as what it is; the extension only decides between text kinds. */
function formatOf(fileName: string, bytes: Uint8Array): Format {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (zip) return "xlsx";
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === "xlsx") return "xlsx"; // not a zip: unreadable, said by the xlsx reader
  if (extension === "csv" || extension === "txt") return "csv";
  return "unsupported";
}

/**
 * UTF-8 (BOM optional) is what the app and modern Excel write; UTF-16 is Excel's "Unicode text"; anything
 * else is taken for windows-1257, the Baltic code page an older Latvian Excel saves CSV in (any byte
 * sequence decodes, so a wrong guess shows as odd letters in the preview, never as an error).
 */
function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = new TextDecoder("windows-1257").decode(bytes);
    }
  }
  // Control characters other than tab and line ends do not occur in a spreadsheet's text: binary data.
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text) ? null : text;
}

const SEPARATORS = [";", ",", "\t"] as const;
type Separator = (typeof SEPARATORS)[number];

/**
 * The separator that finds a header row (two or more recognised fields) in the first rows; else the one
 * that splits most of them into the same number (>1) of fields; ties go to ";" (what a Latvian Excel
 * writes). Papaparse's own guess picks "," when both split "Gads;Summa" / "2026;1,5" evenly.
 */
function separatorOf(text: string, limits: ImportLimits): Separator {
  const head = text.slice(0, 64 * 1024);
  let best: { separator: Separator; recognised: number; steady: number } = { separator: ";", recognised: 0, steady: 0 };
  for (const separator of SEPARATORS) {
    const rows = Papa.parse<string[]>(head, { delimiter: separator, preview: limits.headerScanRows + 10 }).data.filter((r) => r.some((c) => c.trim() !== ""));
    const recognised = Math.max(0, ...rows.map((r) => Object.keys(recognizeHeaders(r)).length));
    const counts = new Map<number, number>();
    for (const r of rows) if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    const steady = Math.max(0, ...counts.values());
    const better = recognised >= 2 || best.recognised >= 2 ? recognised > best.recognised : steady > best.steady;
    if (better) best = { separator, recognised, steady };
  }
  return best.separator;
}

function parseCsv(bytes: Uint8Array, limits: ImportLimits): ParseResult {
  const text = decodeText(bytes);
  if (text === null) return { ok: false, error: "unsupported" };
  if (text.trim() === "") return { ok: false, error: "empty" };
  const separator = separatorOf(text, limits);
  const builder = new TableBuilder(limits, false);
  let line = 0;
  // A string input parses synchronously; step sees one record at a time, so abort stops a 10⁶-line file
  // at the cap without building its array.
  Papa.parse<string[]>(text, {
    delimiter: separator,
    step: (result, parser) => {
      line++;
      if (!builder.push(line, result.data)) parser.abort();
    },
  });
  const outcome = builder.outcome;
  if ("ok" in outcome) return outcome;
  if (outcome.kind === "noHeader") return { ok: false, error: "empty" };
  const { headerLine, headers, rows } = outcome;
  const numberLocale = separator === ";" ? "lv" : separator === "," ? "en" : null;
  return { ok: true, table: { format: "csv", sheetName: null, separator, numberLocale, headerLine, headers, rows, suggested: recognizeHeaders(headers) } };
}

/** Never throws: a file that cannot be read is an answer ("unreadable"), not an exception. */
export async function parseImportFile(fileName: string, bytes: Uint8Array, limits: Partial<ImportLimits> = {}): Promise<ParseResult> {
  const caps: ImportLimits = { ...IMPORT_LIMITS, ...limits };
  if (bytes.length > caps.maxBytes) return { ok: false, error: "tooLarge", limit: caps.maxBytes };
  if (bytes.length === 0) return { ok: false, error: "empty" };
  try {
    const format = formatOf(fileName, bytes);
    if (format === "unsupported") return { ok: false, error: "unsupported" };
    if (format === "csv") return parseCsv(bytes, caps);
    const read = await readXlsx(bytes, caps);
    if ("ok" in read) return read;
    const { sheetName, outcome: { headerLine, headers, rows } } = read;
    return { ok: true, table: { format: "xlsx", sheetName, separator: null, numberLocale: null, headerLine, headers, rows, suggested: recognizeHeaders(headers) } };
  } catch {
    return { ok: false, error: "unreadable" };
  }
}
