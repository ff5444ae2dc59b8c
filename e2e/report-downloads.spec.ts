import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { extractText } from "unpdf";
import { storageState } from "./fixtures";
import { ReportsPage } from "./pages/reports-page";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";

/**
 * The report page's downloads, as a finance officer takes them: each format through the browser's own
 * download, opened and checked against the total the page shows. 2024 is a year no other spec writes to.
 */
const YEAR = 2024;

/** "1 234 567,89 €" (lv) → 1234567.89 */
const euros = (text: string) => Number(text.replace(/[^\d,-]/g, "").replace(",", "."));

async function download(page: Page, link: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), new ReportsPage(page).download(link).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

test.describe("as the viewer", () => {
  test.use({ storageState: storageState("viewer") });

  test("downloads the budget by ministry as XLSX, CSV and PDF, each adding up to the page's total", async ({ page }) => {
    test.slow();
    const reports = new ReportsPage(page);
    await reports.goto({ year: YEAR });
    const shown = (await reports.total("assessedEur").textContent())!.trim();
    const total = euros(shown);
    expect(total).toBeGreaterThan(0);

    const xlsx = await download(page, "Excel (XLSX)");
    expect(xlsx.name).toBe(`iemaksas-${YEAR}-pa-ministrijam.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    let header: ExcelJS.Row | undefined;
    let totalRow: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === "Maksātāja ministrija") header = row;
      if (row.getCell(1).value === "Kopā") totalRow = row;
    });
    const assessedColumn = (header!.values as unknown[]).indexOf("Aprēķināts, EUR");
    const cell = totalRow!.getCell(assessedColumn);
    expect(typeof cell.value).toBe("number");
    expect(cell.value).toBeCloseTo(total, 2);
    expect(cell.font?.bold).toBe(true);

    const csv = await download(page, "CSV");
    expect(csv.name).toBe(`iemaksas-${YEAR}-pa-ministrijam.csv`);
    const text = csv.bytes.toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ";", skipEmptyLines: true });
    const [columns, ...lines] = parsed.data;
    const last = lines.find((line) => line[0] === "Kopā")!;
    expect(last[columns!.indexOf("Aprēķināts, EUR")]).toBe(total.toFixed(2).replace(".", ","));

    const pdf = await download(page, "PDF");
    expect(pdf.name).toBe(`iemaksas-${YEAR}-pa-ministrijam.pdf`);
    const { text: pdfText } = await extractText(new Uint8Array(pdf.bytes), { mergePages: true });
    expect(pdfText.replace(/\s/g, "")).toContain(shown.replace(/\s/g, ""));
  });

  test("downloads every line as CSV with a comma when the reader chooses it", async ({ page }) => {
    const reports = new ReportsPage(page);
    await reports.goto({ year: YEAR });
    await reports.filter("CSV atdalītājs").selectOption("comma");
    await expect(page).toHaveURL(/sep=comma/);
    const csv = await download(page, "Visas rindas, CSV");
    const parsed = Papa.parse<string[]>(csv.bytes.toString("utf8").slice(1), { delimiter: ",", skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.length).toBeGreaterThan(5);
    expect(parsed.data[0]).toContain("Summa, EUR");
  });
});
