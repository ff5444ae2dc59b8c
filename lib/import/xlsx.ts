import "server-only";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { TableBuilder, type ImportLimits, type ParseFailure, type RawCell } from "./table";

interface ZipEntry {
  name: string;
  offset: number;
  uncompressed: number;
}

/** The zip's central directory (at its end, so a truncated upload has none); null when it is not a sound zip. */
function zipEntries(bytes: Buffer): { entries: ZipEntry[]; directoryStart: number } | null {
  const floor = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  const directoryStart = bytes.readUInt32LE(end + 16);
  if (directoryStart > end) return null;
  const entries: ZipEntry[] = [];
  let at = directoryStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const offset = bytes.readUInt32LE(at + 42);
    if (offset >= directoryStart || bytes.readUInt32LE(offset) !== 0x04034b50) return null;
    entries.push({ name: bytes.toString("utf8", at + 46, at + 46 + nameLength), offset, uncompressed: bytes.readUInt32LE(at + 24) });
    at += 46 + skip;
  }
  return { entries, directoryStart };
}

const PARTS = ["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml"];
const sheetNumber = (name: string) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1] ?? NaN);

/**
 * The zip again, with only the parts the reader needs and in the order it needs them. exceljs' streaming
 * reader spools every worksheet that comes before the shared strings (Excel and exceljs write them last)
 * to a temp file and reads it only after the whole zip: a 10⁶-row sheet would be inflated to disk before
 * the row cap could stop it, and an early stop would leave the temp file behind. Each local record is
 * copied byte for byte (header, compressed data, descriptor); the streaming parser reads records in
 * sequence and does not use the directory's offsets.
 */
function reordered(bytes: Buffer, zip: NonNullable<ReturnType<typeof zipEntries>>, worksheet: ZipEntry): Buffer {
  const byOffset = [...zip.entries].sort((a, b) => a.offset - b.offset);
  const record = (entry: ZipEntry) => {
    const next = byOffset[byOffset.indexOf(entry) + 1];
    return bytes.subarray(entry.offset, next ? next.offset : zip.directoryStart);
  };
  const parts = PARTS.flatMap((name) => zip.entries.filter((e) => e.name === name));
  return Buffer.concat([...parts, worksheet].map(record).concat(bytes.subarray(zip.directoryStart)));
}

function isoDate(date: Date): string | null {
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/** One cell as the import sees it; formulas are never evaluated, only their cached result is read. */
function rawCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if ("formula" in v || "sharedFormula" in v) return rawCell(v.result);
  if (Array.isArray(v.richText)) return (v.richText as { text?: unknown }[]).map((run) => String(run.text ?? "")).join("");
  if ("text" in v) return rawCell(v.text); // a hyperlink read by the non-streaming reader
  if (typeof v.error === "string") return v.error;
  return null;
}

type Sheet = { name: string } & AsyncIterable<{ number: number; values: unknown }>;

/** The one worksheet of a reordered zip, read by a fresh streaming reader. */
async function withSheet<T>(source: Buffer, consume: (sheet: Sheet) => Promise<T>): Promise<T | null> {
  const input = Readable.from([source]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
  // Lets a workbook without a shared-strings part (exceljs writes inline strings) stream its sheet too;
  // a real part, placed first by `reordered`, replaces it.
  (reader as unknown as { sharedStrings: unknown[] }).sharedStrings = [];
  try {
    for await (const worksheet of reader) return await consume(worksheet as unknown as Sheet);
    return null;
  } finally {
    input.destroy();
  }
}

/** Rows into the builder until it has its answer; breaking out stops the inflating of the rest. */
async function fill(sheet: Sheet, builder: TableBuilder): Promise<TableBuilder["outcome"]> {
  for await (const row of sheet) {
    const values = Array.isArray(row.values) ? (row.values as unknown[]) : [];
    const cells: RawCell[] = [];
    for (let i = 1; i < values.length; i++) cells.push(rawCell(values[i]));
    if (!builder.push(row.number, cells)) break;
  }
  return builder.outcome;
}

export type XlsxRead = ParseFailure | { sheetName: string; outcome: Extract<TableBuilder["outcome"], { kind: "table" }> };

async function readSheets(bytes: Buffer, limits: ImportLimits): Promise<XlsxRead> {
  const zip = zipEntries(bytes);
  if (!zip) return { ok: false, error: "unreadable" };
  if (!zip.entries.some((e) => e.name === "xl/workbook.xml")) return { ok: false, error: "unsupported" }; // ods, docx, a plain zip
  if (zip.entries.reduce((sum, e) => sum + e.uncompressed, 0) > limits.maxUnzippedBytes) return { ok: false, error: "tooLarge", limit: limits.maxUnzippedBytes };
  const worksheets = zip.entries.filter((e) => !Number.isNaN(sheetNumber(e.name))).sort((a, b) => sheetNumber(a.name) - sheetNumber(b.name));
  const read = (worksheet: ZipEntry, requireHeader: boolean) =>
    withSheet(reordered(bytes, zip, worksheet), async (sheet): Promise<XlsxRead | null> => {
      const outcome = await fill(sheet, new TableBuilder(limits, requireHeader));
      return "ok" in outcome ? outcome : outcome.kind === "noHeader" ? null : { sheetName: sheet.name, outcome };
    });
  // The first sheet with a recognised header row (a notes sheet may come before the data); else the
  // first sheet again, its first row taken for the header. A lone sheet is read once.
  for (const worksheet of worksheets) {
    const found = await read(worksheet, worksheets.length > 1);
    if (found) return found;
  }
  const first = worksheets.length > 1 ? await read(worksheets[0]!, false) : null;
  return first ?? { ok: false, error: "empty" };
}

/** readSheets within limits.timeoutMs: a reader stuck on a malformed part ends as "unreadable". */
export async function readXlsx(data: Uint8Array, limits: ImportLimits): Promise<XlsxRead> {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<XlsxRead>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: "unreadable" }), limits.timeoutMs);
  });
  const read = readSheets(bytes, limits).catch((): XlsxRead => ({ ok: false, error: "unreadable" }));
  try {
    return await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
