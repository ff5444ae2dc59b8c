import { storageState } from "./fixtures";
import { ContributionsPage } from "./pages/contributions-page";
import { ReportsPage } from "./pages/reports-page";
import { axeViolations } from "./support/axe";
import { expect, test } from "./support/test";

/**
 * The report page (/reports). It reads 2024, a year no other spec writes to, so that the totals compared
 * with the year grid cannot move under it while other specs run.
 */
const YEAR = 2024;

test.describe("as the viewer", () => {
  test.use({ storageState: storageState("viewer") });

  test("budget totals equal the year grid's, views and filters work by keyboard", async ({ page }) => {
    test.slow(); // two pages and the grid's render on a busy machine
    const grid = new ContributionsPage(page);
    await grid.goto({ year: YEAR });
    const gridTotal = (await grid.total("amountEur").textContent())!.trim();
    const gridPaid = (await grid.total("paidEur").textContent())!.trim();
    expect(gridTotal).toMatch(/^\d{1,3}([\s\u00a0]\d{3})*,\d{2}\s€$/);

    const reports = new ReportsPage(page);
    await reports.goto({ year: YEAR });
    await expect(page).toHaveTitle(/Atskaites/);
    await expect(reports.table(`Budžets ${YEAR} pa maksātājām ministrijām, EUR`)).toBeVisible();
    await expect(reports.currentView()).toHaveText("Pa ministrijām");
    await expect(reports.total("assessedEur")).toHaveText(gridTotal);
    await expect(reports.total("paidEur")).toHaveText(gridPaid);
    await expect(page.getByRole("figure", { name: /Diagramma: plānots, aprēķināts un samaksāts/ })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // The next view by keyboard: Tab from the current one, Enter.
    await reports.currentView().focus();
    await page.keyboard.press("Tab");
    await expect(reports.view("Pa budžeta programmām")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/view=programme/);
    await expect(reports.table(`Budžets ${YEAR} pa budžeta programmām, EUR`)).toBeVisible();
    await expect(reports.currentView()).toHaveText("Pa budžeta programmām");
    await expect(reports.total("assessedEur")).toHaveText(gridTotal);
    await expect(page.locator('tbody tr[data-level="subtotal"]').first()).toBeVisible();

    // A filter by keyboard: the kind select, the first real choice ("Obligātā").
    const kind = reports.filter("Veids");
    await kind.focus();
    await page.keyboard.press("ArrowDown");
    await expect(page).toHaveURL(/kind=assessed/);
    await expect(page).toHaveURL(/view=programme/);
    await expect(kind).toHaveValue("assessed");

    await grid.goto({ year: YEAR, kind: "assessed" });
    const assessedTotal = (await grid.total("amountEur").textContent())!.trim();
    await reports.goto({ year: YEAR, kind: "assessed", view: "organization" });
    await expect(reports.total("assessedEur")).toHaveText(assessedTotal);
  });

  test("the years, status and completeness views", async ({ page }) => {
    test.slow();
    const reports = new ReportsPage(page);
    await reports.goto({ view: "years", year: YEAR });
    await expect(reports.table(`Iemaksas ${YEAR - 4}–${YEAR} pa organizācijām, EUR`)).toBeVisible();
    await expect(page.getByRole("figure", { name: /Diagramma: iemaksu kopsumma pa gadiem/ })).toBeVisible();
    await expect(page.getByTestId(`report-total-${YEAR}`)).toContainText("€");
    await reports.filter("No gada").selectOption(String(YEAR - 2));
    await expect(reports.table(`Iemaksas ${YEAR - 2}–${YEAR} pa organizācijām, EUR`)).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await reports.view("Maksājumu stāvoklis").click();
    const status = reports.table(`Iemaksu stāvoklis ${YEAR} pa organizācijām, EUR`);
    await expect(status).toBeVisible();
    await expect(status.getByRole("columnheader")).toHaveText(["Organizācija", "Aprēķināts", "Samaksāts", "Nesamaksāts", "Stāvoklis", "Kavēts"]);
    expect(await axeViolations(page)).toEqual([]);

    await reports.view("Datu pilnīgums").click();
    await expect(page.getByRole("heading", { name: `Iemaksas ar trūkstošiem datiem (${YEAR})` })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Organizācijas bez atbildīgās ministrijas" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // The download links carry the view, the filters and the CSV separator of the locale.
    await reports.view("Pa ministrijām").click();
    await expect(reports.download("CSV")).toHaveAttribute("href", `/api/reports/export?view=ministry&format=csv&year=${YEAR}&sep=semicolon`);
    await reports.filter("CSV atdalītājs").selectOption("comma");
    await expect(reports.download("CSV")).toHaveAttribute("href", /sep=comma$/);
    await expect(reports.download("Visa atskaite, Excel (XLSX)")).toHaveAttribute("href", `/api/reports/export?view=all&format=xlsx&year=${YEAR}`);
  });
});

test.describe("as the ZM editor", () => {
  test.use({ storageState: storageState("zmEditor") });

  test("sees only what Zemkopības ministrija pays, with no ministry filter", async ({ page }) => {
    const reports = new ReportsPage(page);
    await reports.goto({ year: 2026 });
    await expect(page.getByText("Tiek skaitītas tikai iemaksas, ko maksā Zemkopības ministrija.")).toBeVisible();
    await expect(reports.filter("Maksātāja ministrija")).toHaveCount(0);
    const table = reports.table("Budžets 2026 pa maksātājām ministrijām, EUR");
    await expect(table.getByRole("rowheader")).toHaveText(["Zemkopības ministrija", "Kopā"]);

    const zmTotal = (await reports.total("assessedEur").textContent())!.trim();

    // Another ministry in the URL changes nothing: the scope is the filter.
    await reports.goto({ year: 2026, ministry: 1, view: "organization" });
    await expect(reports.rows().first()).toBeVisible();
    await expect(reports.rows().getByRole("rowheader", { name: /^FAO\b/ })).toBeVisible();
    await expect(reports.total("assessedEur")).toHaveText(zmTotal);
  });
});
