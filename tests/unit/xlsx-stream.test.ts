import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Sheet, SheetRow } from "@/lib/export/sheet";
import { xlsxStream } from "@/lib/export/xlsx";

/** A lines-like sheet of `batches` × 1,000 rows, produced as they are asked for, noting how far it got. */
function sheetOf(batches: number) {
  const state = { produced: 0, closed: false };
  async function* rows(): AsyncIterable<SheetRow[]> {
    try {
      for (let b = 0; b < batches; b++) {
        state.produced++;
        yield Array.from({ length: 1_000 }, (_, i) => ({ level: "row" as const, cells: [`ORG-${b}-${i}`, "Organizācija ar garāku nosaukumu", "1234.56", "2026-03-01"] }));
      }
    } finally {
      state.closed = true;
    }
  }
  const sheet: Sheet = {
    name: "Rindas",
    title: { report: "Test", lines: [] },
    columns: [
      { header: "Kods", type: "text" },
      { header: "Nosaukums", type: "text" },
      { header: "EUR", type: "money" },
      { header: "Termiņš", type: "date" },
    ],
    rows: rows(),
  };
  return { sheet, state };
}

describe("xlsxStream", () => {
  it("waits for the zip and the reader between batches, and still writes every row", async () => {
    const { sheet } = sheetOf(20);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await new Response(xlsxStream([sheet], "lv")).arrayBuffer());
    const sheetRead = book.worksheets[0]!;
    expect(sheetRead.actualRowCount).toBe(20_000 + 2); // and the title and the header (a blank row between them)
    expect(sheetRead.lastRow?.getCell(1).value).toBe("ORG-19-999");
  });

  it("stops reading rows when the client goes away", async () => {
    const { sheet, state } = sheetOf(500);
    const reader = xlsxStream([sheet], "lv").getReader();
    await reader.read();
    await reader.cancel();
    for (let i = 0; i < 100 && !state.closed; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(state.closed).toBe(true);
    expect(state.produced).toBeLessThan(500);
  });
});
