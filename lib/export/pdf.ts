import path from "node:path";
import PDFDocument from "pdfkit";
import { formatDate, formatDecimal, formatMoney, formatRate } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { safeText, widthOf, type Column, type Sheet, type SheetRow } from "./sheet";
import { pullStream } from "./stream";

// The 14 standard PDF fonts only cover Latin-1: ā, č, ē, ģ, ī, ķ, ļ, ņ, š, ū, ž need an embedded font.
// pdfkit embeds only the glyphs used. Read from node_modules at run time (not bundled; next.config.ts).
const FONT_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const REGULAR = path.join(FONT_DIR, "DejaVuSansCondensed.ttf");
const BOLD = path.join(FONT_DIR, "DejaVuSansCondensed-Bold.ttf");

const MARGIN = 36;
const FONT_SIZE = 7.5;
const ROW_HEIGHT = 12;
const FOOTER = 20;

function cellText(column: Column, value: SheetRow["cells"][number], locale: Locale): string {
  if (value === null) return "";
  const text = String(value);
  switch (column.type) {
    case "money":
      return formatMoney(text, "EUR", locale);
    case "number":
      if (column.plain) return text;
      return column.decimals === undefined ? formatRate(text, locale) : formatDecimal(text, column.decimals, locale);
    case "percent":
      return `${formatDecimal(text, 1, locale)} %`;
    case "date":
      return formatDate(text, locale);
    case "text":
      return safeText(text);
    default:
      return text;
  }
}

const RIGHT: ReadonlySet<Column["type"]> = new Set(["money", "number", "percent"]);

async function writeSheet(doc: PDFKit.PDFDocument, sheet: Sheet, locale: Locale, first: boolean): Promise<void> {
  if (!first) doc.addPage();
  const pageWidth = doc.page.width - 2 * MARGIN;
  const total = sheet.columns.reduce((sum, c) => sum + widthOf(c), 0);
  const widths = sheet.columns.map((c) => (widthOf(c) / total) * pageWidth);
  const bottom = () => doc.page.height - MARGIN - FOOTER;

  doc.font(BOLD).fontSize(14).text(safeText(sheet.title.report), MARGIN, MARGIN);
  doc.font(REGULAR).fontSize(9);
  for (const [label, value] of sheet.title.lines) doc.text(`${safeText(label)}: ${safeText(value)}`);
  let y = doc.y + 8;

  const drawRow = (cells: string[], bold: boolean, shade: boolean) => {
    const height = bold && shade ? ROW_HEIGHT * 2 : ROW_HEIGHT;
    if (y + height > bottom()) {
      doc.addPage();
      y = MARGIN;
      if (!shade) drawHeader();
    }
    if (shade) doc.rect(MARGIN, y - 2, pageWidth, height).fill("#e8e8e8").fillColor("black");
    doc.font(bold ? BOLD : REGULAR).fontSize(FONT_SIZE);
    let x = MARGIN;
    cells.forEach((text, i) => {
      const width = widths[i]!;
      doc.text(text, x + 2, y, { width: width - 4, height: height - 1, align: RIGHT.has(sheet.columns[i]!.type) ? "right" : "left", ellipsis: true, lineBreak: shade });
      x += width;
    });
    y += height;
    if (bold && !shade) doc.moveTo(MARGIN, y - 2).lineTo(MARGIN + pageWidth, y - 2).lineWidth(0.5).stroke();
  };
  const drawHeader = () => drawRow(sheet.columns.map((c) => safeText(c.header)), true, true);

  drawHeader();
  for await (const batch of sheet.rows) {
    for (const row of batch) {
      drawRow(
        sheet.columns.map((column, i) => cellText(column, row.cells[i] ?? null, locale)),
        row.level !== "row",
        false,
      );
    }
  }
}

/**
 * A4 landscape budget report: the title block, the table with its header repeated on every page, bold
 * subtotals and totals, "page / pages" at the foot. Pages are kept until the end (bufferPages), because the
 * page count is known only then: fine for the budget views, which are a few pages.
 */
export function pdfStream(sheets: readonly Sheet[], locale: Locale): ReadableStream<Uint8Array> {
  const doc = new PDFDocument({ size: "A4", layout: "landscape", margin: MARGIN, bufferPages: true, font: REGULAR, info: { Title: sheets[0]?.title.report ?? "" } });
  (async () => {
    for (const [i, sheet] of sheets.entries()) await writeSheet(doc, sheet, locale, i === 0);
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      doc.font(REGULAR).fontSize(8);
      // Writing inside the bottom margin would make pdfkit open a new page: lift the margin for the footer.
      doc.page.margins.bottom = 0;
      doc.text(`${i + 1} / ${range.count}`, MARGIN, doc.page.height - MARGIN, { width: doc.page.width - 2 * MARGIN, align: "right", lineBreak: false });
    }
    doc.end();
  })().catch((error: unknown) => doc.destroy(error instanceof Error ? error : new Error(String(error))));
  return pullStream(doc as unknown as AsyncIterable<Uint8Array>);
}
