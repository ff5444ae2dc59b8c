import { MAX_IMPORT_BYTES } from "@/app/(app)/import/schemas";
import { recognizeHeaders } from "./fields";

/**
 * maxUnzippedBytes and timeoutMs guard the XLSX reader beyond the upload's size: a 5 MB zip can hold
 * gigabytes of XML (declared sizes are checked before inflating), and a reader must never hang a request.
 */
export const IMPORT_LIMITS = {
  /** The upload cap the form and the action check too: one number. */
  maxBytes: MAX_IMPORT_BYTES,
  maxRows: 20_000,
  maxColumns: 60,
  maxCellChars: 2_000,
  headerScanRows: 30,
  maxUnzippedBytes: 100 * 1024 * 1024,
  /** All cells' text together: one shared string repeated in every cell would otherwise blow up the stored table. */
  maxTextChars: 16 * 1024 * 1024,
  timeoutMs: 30_000,
} as const;
export type ImportLimits = { [K in keyof typeof IMPORT_LIMITS]: number };

/**
 * numbers only from XLSX numeric cells; XLSX dates -> "YYYY-MM-DD"; booleans -> "TRUE"/"FALSE"; formula
 * cells -> their cached result; rich text and hyperlinks -> their text; errors (#N/A) -> the error text.
 */
export type RawCell = string | number | null;
/** line: 1-based row number in the sheet or file, as a user sees it in Excel. */
export interface ParsedRow {
  line: number;
  cells: RawCell[];
}
export type ParseError = "tooLarge" | "tooManyRows" | "tooManyColumns" | "cellTooLong" | "unreadable" | "empty" | "unsupported";
export type ParseFailure = { ok: false; error: ParseError; line?: number; limit?: number };

/** A header row needs this many recognised fields to be taken for one (a title line rarely has two). */
const MIN_RECOGNISED = 2;

const isBlank = (cell: RawCell) => cell === null || (typeof cell === "string" && cell.trim() === "");

/**
 * Rows in, table out, for both formats: caps checked row by row so a reader can stop at the first breach,
 * the header found among the first non-empty rows. With `requireHeader` (an xlsx sheet that may not be the
 * one) it gives up with "noHeader" when no recognised header row comes within the scan.
 */
export class TableBuilder {
  private scanned: ParsedRow[] = [];
  private header: ParsedRow | null = null;
  private rows: ParsedRow[] = [];
  private failure: ParseFailure | null = null;
  private noHeader = false;
  private textChars = 0;

  constructor(
    private readonly limits: ImportLimits,
    private readonly requireHeader: boolean,
  ) {}

  /** False once the outcome is known and the reader may stop. */
  push(line: number, cells: RawCell[]): boolean {
    if (this.failure || this.noHeader) return false;
    let width = cells.length;
    while (width > 0 && isBlank(cells[width - 1]!)) width--;
    if (width === 0) return true;
    if (width > this.limits.maxColumns) return this.fail({ ok: false, error: "tooManyColumns", line, limit: this.limits.maxColumns });
    const row = { line, cells: cells.slice(0, width) };
    for (const cell of row.cells) {
      if (typeof cell !== "string") continue;
      if (cell.length > this.limits.maxCellChars) return this.fail({ ok: false, error: "cellTooLong", line, limit: this.limits.maxCellChars });
      this.textChars += cell.length;
    }
    if (this.textChars > this.limits.maxTextChars) return this.fail({ ok: false, error: "tooLarge", line, limit: this.limits.maxTextChars });
    if (this.header) {
      if (this.rows.length >= this.limits.maxRows) return this.fail({ ok: false, error: "tooManyRows", line, limit: this.limits.maxRows });
      this.rows.push(row);
      return true;
    }
    if (Object.keys(recognizeHeaders(texts(row.cells))).length >= MIN_RECOGNISED) {
      this.header = row;
      return true;
    }
    this.scanned.push(row);
    if (this.scanned.length >= this.limits.headerScanRows) return this.settleWithoutHeader();
    return true;
  }

  get outcome(): { kind: "table"; headerLine: number; headers: string[]; rows: ParsedRow[] } | ParseFailure | { kind: "noHeader" } {
    if (!this.header && !this.failure && !this.noHeader) this.settleWithoutHeader();
    if (this.failure) return this.failure;
    if (this.noHeader || !this.header) return { kind: "noHeader" };
    if (this.rows.length === 0) return { ok: false, error: "empty" };
    const width = Math.max(this.header.cells.length, ...this.rows.map((r) => r.cells.length));
    const headers = texts(this.header.cells);
    while (headers.length < width) headers.push("");
    for (const row of this.rows) while (row.cells.length < width) row.cells.push(null);
    return { kind: "table", headerLine: this.header.line, headers, rows: this.rows };
  }

  private fail(failure: ParseFailure): false {
    this.failure = failure;
    return false;
  }

  /** No recognised header: the first non-empty row is the header and the user maps the columns by hand. */
  private settleWithoutHeader(): boolean {
    if (this.requireHeader) {
      this.noHeader = true;
      return false;
    }
    const [first, ...rest] = this.scanned;
    if (!first) return true;
    this.header = first;
    this.scanned = [];
    for (const row of rest) if (!this.push(row.line, row.cells)) return false;
    return true;
  }
}

function texts(cells: readonly RawCell[]): string[] {
  return cells.map((cell) => (cell === null ? "" : String(cell)));
}
