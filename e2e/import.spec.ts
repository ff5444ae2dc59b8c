import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { storageState } from "./fixtures";
import { ContributionsPage } from "./pages/contributions-page";
import { ImportPage } from "./pages/import-page";
import { axeViolations } from "./support/axe";
import { expect, test } from "./support/test";

// Years no other spec uses, one per test, and organizations of the tests' own: parallel tests never meet.
const CSV_YEAR = 2033;
const XLSX_YEAR = 2034;
const CONFLICT_YEAR = 2035;

const csvFile = (name: string, lines: string[]) => ({ name, mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8") });

/** Dry run and apply as they are clicked, for a test's starting data. */
async function importAll(page: Page, file: ReturnType<typeof csvFile>) {
  const imports = new ImportPage(page);
  await imports.goto();
  await imports.upload(file);
  await imports.dryRunButton().click();
  await expect(imports.applyButton()).toBeEnabled();
  await imports.applyButton().click();
  await page.getByRole("dialog").getByRole("button", { name: "Piemērot", exact: true }).click();
  await expect(imports.applied()).toBeVisible();
}

/** Opens the History tab of the grid line whose row has `text`, and returns its history rows. */
async function historyOf(page: Page, grid: ContributionsPage, text: string) {
  const id = await grid.rows().filter({ hasText: text }).getAttribute("data-id");
  await page.goto(`/contributions/${id}?tab=history`);
  return page.getByTestId("history-row");
}

test.describe("as an editor", () => {
  test.use({ storageState: storageState("editor") });
  test.describe.configure({ timeout: 120_000 });

  test("a CSV: columns recognised, one mapped and the import applied by keyboard, the error row explained and downloadable, the lines in the grid with their history", async ({ page, adminPage }) => {
    const organization = await ContributionsPage.newOrganization(adminPage);
    const imports = new ImportPage(page);
    await imports.goto();
    const name = `iemaksas-${organization.acronym}.csv`;
    const id = await imports.upload(
      csvFile(name, [
        "Gads;Saīsinājums;Veids;Maksātāja ministrija;Valūta;Iemaksas apmērs;Piezīmes",
        `${CSV_YEAR};${organization.acronym};Obligātā;am;EUR;1 234,56;e2e imports`,
        `${CSV_YEAR};${organization.acronym};Brīvprātīgā;Ārlietu ministrija;EUR;500;`,
        `${CSV_YEAR};NAV-${organization.acronym};Obligātā;am;EUR;10,00;`,
      ]),
    );
    await expect(page.getByText("Nolasītas rindas")).toBeVisible();
    // The export's own headers are recognised; the amount's column is named otherwise and is not.
    await expect(imports.field("Gads")).toHaveValue("0");
    await expect(imports.field("Organizācija (saīsinājums)")).toHaveValue("1");
    await expect(imports.field("Valūta")).toHaveValue("4");
    await expect(imports.field("Summa")).toHaveValue("");
    await expect(imports.field("Gads rindām bez gada")).toHaveCount(0);

    // Map "Iemaksas apmērs" (column 6) to the amount, and run the dry run, from the keyboard.
    await imports.field("Summa").focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowDown");
    await expect(imports.field("Summa")).toHaveValue("5");
    await imports.dryRunButton().focus();
    await page.keyboard.press("Enter");

    await expect(imports.group("error")).toHaveText(/Ar kļūdām\s*1/);
    await expect(imports.group("new")).toHaveText(/Jaunas\s*2/);
    await expect(imports.group("changed")).toHaveText(/Mainītas\s*0/);
    // Errors come first, each reason in words with the field and the file's column.
    await expect(imports.group("error")).toHaveAttribute("aria-current", "page");
    await expect(imports.rows()).toHaveCount(1);
    await expect(imports.row(4)).toContainText(`Organizācija (saīsinājums) (kolonna „Saīsinājums”): Nezināms organizācijas saīsinājums „NAV-${organization.acronym}”.`);
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Rindas ar kļūdām (CSV)" }).click()]);
    const errors = await readFile((await download.path())!, "utf8");
    expect(errors).toContain(`NAV-${organization.acronym}`);
    expect(errors).toContain("Nezināms organizācijas saīsinājums");

    await imports.group("new").click();
    await expect(page).toHaveURL(/show=new/);
    await expect(imports.rows()).toHaveCount(2);
    await expect(imports.row(2)).toContainText(/Summa:\s*1\s234,56/);
    await expect(imports.row(2)).toContainText("Veids: Obligātā");

    await imports.applyButton().focus();
    await expect(imports.applyButton()).toHaveText("Piemērot: jaunas — 2, mainītas — 0");
    await page.keyboard.press("Enter");
    const confirm = page.getByRole("dialog").getByRole("button", { name: "Piemērot", exact: true });
    await confirm.focus();
    await page.keyboard.press("Enter");
    await expect(imports.applied()).toContainText("ierakstītas rindas — 2 (jaunas — 2, mainītas — 0)");
    await expect(imports.dryRunButton()).toHaveCount(0);
    expect(id).toBeGreaterThan(0);

    await page.getByRole("link", { name: `Atvērt ${CSV_YEAR}. gada iemaksas` }).click();
    await expect(page).toHaveURL(new RegExp(`/contributions\\?year=${CSV_YEAR}`));
    const grid = new ContributionsPage(page);
    await grid.goto({ year: CSV_YEAR, org: organization.id });
    await expect(grid.rows()).toHaveCount(2);
    await expect(grid.rows().filter({ hasText: "1 234,56 €" })).toHaveCount(1);
    const history = await historyOf(page, grid, "1 234,56 €");
    await expect(history.filter({ hasText: "Importēts" }).first()).toBeVisible();
  });

  test("the app's own XLSX export, edited: the changed, new and broken rows, applied; the grid shows the change", async ({ page, adminPage }) => {
    const [organization, other] = [await ContributionsPage.newOrganization(adminPage), await ContributionsPage.newOrganization(adminPage)];
    await importAll(
      page,
      csvFile(`sakums-${organization.acronym}.csv`, [
        "Gads;Saīsinājums;Veids;Maksātāja ministrija;Valūta;Summa valūtā",
        `${XLSX_YEAR};${organization.acronym};Obligātā;am;EUR;1000`,
        `${XLSX_YEAR};${organization.acronym};Brīvprātīgā;am;EUR;200`,
      ]),
    );

    // The lines export of the year, as the browser would download it (same cookies), then edited.
    const response = await page.request.get(`/api/reports/export?view=lines&format=xlsx&year=${XLSX_YEAR}`);
    expect(response.ok()).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await response.body()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    let headerRow = 0;
    sheet.eachRow((row, number) => {
      if (!headerRow && (row.values as unknown[]).includes("ID")) headerRow = number;
    });
    const headers = sheet.getRow(headerRow).values as unknown[];
    const col = (header: string) => headers.indexOf(header);
    const lineOf = (kind: string) => {
      let found = 0;
      sheet.eachRow((row, number) => {
        if (row.getCell(col("Saīsinājums")).value === organization.acronym && row.getCell(col("Veids")).value === kind) found = number;
      });
      return sheet.getRow(found);
    };
    lineOf("Obligātā").getCell(col("Summa valūtā")).value = 2000;
    lineOf("Brīvprātīgā").getCell(col("Valūta")).value = "XXX";
    const added = sheet.addRow([]);
    for (const [header, value] of Object.entries({ Gads: XLSX_YEAR, Saīsinājums: other.acronym, Veids: "Obligātā", "Maksātāja ministrija": "Ārlietu ministrija", Valūta: "EUR", "Summa valūtā": 300 })) {
      added.getCell(col(header)).value = value;
    }
    const buffer = Buffer.from(await book.xlsx.writeBuffer());

    const imports = new ImportPage(page);
    await imports.goto();
    await imports.upload({ name: `labots-${organization.acronym}.xlsx`, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
    await expect(imports.field("ID")).not.toHaveValue("");
    await expect(imports.field("Summa")).toHaveValue(String(col("Summa valūtā") - 1));
    await imports.dryRunButton().click();

    await expect(imports.group("changed")).toHaveText(/Mainītas\s*1/);
    await expect(imports.group("new")).toHaveText(/Jaunas\s*1/);
    await expect(imports.group("error")).toHaveText(/Ar kļūdām\s*1/);
    await expect(imports.group("unchanged")).toHaveText(/Bez izmaiņām\s*0/);
    await expect(imports.rows().first()).toContainText("Valūta (kolonna „Valūta”): Nezināma valūta „XXX”.");
    // The rows to correct, as XLSX: the file's own columns, then the reasons in words.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Rindas ar kļūdām (XLSX)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const errorsBook = new ExcelJS.Workbook();
    await errorsBook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const errorCells: unknown[] = [];
    errorsBook.worksheets[0]!.eachRow((row) => errorCells.push(...(row.values as unknown[])));
    expect(errorCells).toContain("XXX");
    expect(errorCells.some((cell) => typeof cell === "string" && cell.includes("Nezināma valūta „XXX”"))).toBe(true);
    await imports.group("changed").click();
    await expect(imports.rows().first()).toContainText(/Summa:\s*1\s000,00\s*→\s*2\s000,00/);
    await expect(imports.rows().first()).toContainText(/Summa, EUR:\s*1\s000,00\s€\s*→\s*2\s000,00\s€/);

    await imports.applyButton().click();
    await page.getByRole("dialog").getByRole("button", { name: "Piemērot", exact: true }).click();
    await expect(imports.applied()).toContainText("jaunas — 1, mainītas — 1");

    const grid = new ContributionsPage(page);
    await grid.goto({ year: XLSX_YEAR, org: organization.id });
    await expect(grid.rows().filter({ hasText: "2 000,00 €" })).toHaveCount(1);
    await expect(grid.rows().filter({ hasText: "200,00 €" })).toHaveCount(1);
    const history = await historyOf(page, grid, "2 000,00 €");
    await expect(history.filter({ hasText: "Importēts" }).filter({ hasText: "Summa" }).filter({ hasText: "2000.00" }).first()).toBeVisible();

    await imports.goto();
    await expect(page.getByTestId("import-row").filter({ hasText: `labots-${organization.acronym}.xlsx` })).toContainText("Piemērots");
    expect(await axeViolations(page)).toEqual([]);
  });

  test("apply refuses when the register changed since the dry run; the mapping stays for another one", async ({ page, adminPage }) => {
    const organization = await ContributionsPage.newOrganization(adminPage);
    const file = csvFile(`divreiz-${organization.acronym}.csv`, [
      "Gads;Saīsinājums;Veids;Maksātāja ministrija;Valūta;Summa valūtā",
      `${CONFLICT_YEAR};${organization.acronym};Obligātā;am;EUR;700`,
    ]);
    const imports = new ImportPage(page);
    await imports.goto();
    const first = await imports.upload(file);
    await imports.dryRunButton().click();
    await expect(imports.group("new")).toHaveText(/Jaunas\s*1/);
    // The same file again, applied first: the first dry run no longer tells the truth.
    await importAll(page, file);

    await page.goto(`/import/${first}`);
    await imports.applyButton().click();
    await page.getByRole("dialog").getByRole("button", { name: "Piemērot", exact: true }).click();
    await expect(page.getByTestId("apply-error")).toHaveText(/Kopš pārbaudes reģistrā ir notikušas izmaiņas/);
    await expect(imports.field("Summa")).toHaveValue("5");
    await imports.dryRunButton().click();
    await expect(imports.group("unchanged")).toHaveText(/Bez izmaiņām\s*1/);
    await expect(imports.applyButton()).toBeDisabled();
    await expect(page.getByText("Nav ko piemērot")).toBeVisible();
  });

  test("a file too large is refused in the browser, before it is sent", async ({ page }) => {
    const imports = new ImportPage(page);
    await imports.goto();
    await page.getByLabel("Fails (XLSX vai CSV)").setInputFiles({ name: "liels.csv", mimeType: "text/csv", buffer: Buffer.alloc(5 * 1024 * 1024 + 1, "a") });
    await page.getByRole("button", { name: "Augšupielādēt failu" }).click();
    await expect(page.getByText("Fails ir lielāks par 5 MB.")).toBeVisible();
    await expect(page).toHaveURL(/\/import$/);
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageState("viewer") });

  test("sees no import in the menu and gets no upload form", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "Galvenā navigācija" }).getByRole("link", { name: "Atskaites" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Galvenā navigācija" }).getByRole("link", { name: "Imports" })).toHaveCount(0);
    // The same generic 404 as any page that is not theirs.
    for (const path of ["/import", "/import/1"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Lapa nav atrasta" })).toBeVisible();
    }
    await expect(page.getByLabel("Fails (XLSX vai CSV)")).toHaveCount(0);
  });
});
