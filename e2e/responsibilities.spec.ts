import type { Page } from "@playwright/test";
import { storageState } from "./fixtures";
import { ResponsibilitiesPage } from "./pages/responsibilities-page";
import { axeViolations } from "./support/axe";
import { expect, test } from "./support/test";

/**
 * The responsibility matrix (/organizations/responsibilities). Each test that changes cells works on an
 * organization no other test here touches (LLDC3-TF, SIDS4-TF) and puts its roles back, so that the demo
 * data other specs read stays as seeded.
 */
const AM = "Ārlietu ministrija";
const ZM = "Zemkopības ministrija";
const KM = "Kultūras ministrija";

async function useEnglish(page: Page, baseURL: string) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL }]);
}

/** Tabs from the search field into the grid: its one tab stop is the first role cell. */
async function tabIntoGrid(page: Page, matrix: ResponsibilitiesPage) {
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Tab");
    if (await matrix.grid.evaluate((grid) => grid.contains(document.activeElement))) return;
  }
  throw new Error("Tab never reached the grid");
}

/** Moves with the arrow keys from the focused cell to a ministry's column in the same row. */
async function arrowTo(page: Page, from: number, to: number) {
  for (let i = from; i < to; i++) await page.keyboard.press("ArrowRight");
  for (let i = from; i > to; i--) await page.keyboard.press("ArrowLeft");
}

test.describe("as the admin", () => {
  test.use({ storageState: storageState("admin") });

  test("assigns a lead with the keyboard only; the old lead loses its role; it persists after reload", async ({ page }) => {
    const matrix = new ResponsibilitiesPage(page);
    await matrix.goto();
    await matrix.search("LLDC3-TF");
    await expect(matrix.grid.getByRole("row")).toHaveCount(2);
    await matrix.expectRole("LLDC3-TF", AM, "lead");
    const am = await matrix.columnIndex(AM);
    const km = await matrix.columnIndex(KM);

    await page.getByLabel("Meklēt organizāciju").focus();
    await tabIntoGrid(page, matrix);
    await expect(await matrix.cellControl("LLDC3-TF", "Aizsardzības ministrija")).toBeFocused();
    // Home and End run along the row: the organization's link, then the last ministry.
    await page.keyboard.press("Home");
    await expect(matrix.rowLink("LLDC3-TF")).toBeFocused();
    await page.keyboard.press("End");
    await expect(await matrix.cellControl("LLDC3-TF", ZM)).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(matrix.grid.getByRole("columnheader", { name: ZM })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await arrowTo(page, await matrix.columnIndex(ZM), km);
    const cell = await matrix.cellControl("LLDC3-TF", KM);
    await expect(cell).toBeFocused();

    // Escape closes the menu without a change, focus back on the cell.
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu", { name: `LLDC3-TF – ${KM}` });
    await expect(menu).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(cell).toBeFocused();
    await matrix.expectRole("LLDC3-TF", KM, "none");

    await page.keyboard.press("Space");
    await expect(menu).toBeVisible();
    const lead = menu.getByRole("menuitemradio", { name: "Vadošā" });
    for (let i = 0; i < 4 && !(await lead.evaluate((item) => item === document.activeElement)); i++) await page.keyboard.press("ArrowDown");
    await expect(lead).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(menu).toBeHidden();
    await expect(matrix.status).toHaveText(`LLDC3-TF: vadošā tagad ir ${KM}; ${AM} vairs nav lomas.`);
    await expect(cell).toBeFocused();
    await matrix.expectRole("LLDC3-TF", KM, "lead");
    await matrix.expectRole("LLDC3-TF", AM, "none");

    await page.reload();
    await expect(matrix.grid.getByRole("row")).toHaveCount(2);
    await matrix.expectRole("LLDC3-TF", KM, "lead");
    await matrix.expectRole("LLDC3-TF", AM, "none");

    // And back, still by keyboard: Ārlietu ministrija leads again.
    await page.getByLabel("Meklēt organizāciju").focus();
    await tabIntoGrid(page, matrix);
    await arrowTo(page, 0, am);
    await expect(await matrix.cellControl("LLDC3-TF", AM)).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("menu")).toBeVisible();
    await page.keyboard.press("Home");
    await expect(page.getByRole("menuitemradio", { name: "Vadošā" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(matrix.status).toHaveText(`LLDC3-TF: vadošā tagad ir ${AM}; ${KM} vairs nav lomas.`);
    await matrix.expectRole("LLDC3-TF", AM, "lead");
    await matrix.expectRole("LLDC3-TF", KM, "none");
  });

  test("the ministry filter answers what Zemkopības ministrija answers for, kept in the URL", async ({ page }) => {
    const matrix = new ResponsibilitiesPage(page);
    await matrix.goto();
    await expect(matrix.row("UN")).toHaveCount(1);
    await matrix.filterByMinistry(ZM);
    await expect(page).toHaveURL(/[?&]ministry=\d+/);
    await expect(matrix.grid.getByText(`Organizācijas, par kurām atbild ${ZM}`)).toBeVisible();
    await expect(matrix.row("UN")).toHaveCount(0);
    await expect(matrix.row("FAO")).toHaveCount(1);
    await matrix.expectRole("FAO", ZM, "lead");
    await expect(matrix.grid.getByRole("columnheader", { name: `${ZM} (atlasītā ministrija)` })).toBeVisible();
    const zm = await matrix.columnIndex(ZM);
    const rows = matrix.grid.getByRole("row").filter({ has: page.getByRole("rowheader") });
    for (const row of await rows.all()) await expect(row.getByRole("gridcell").nth(zm)).not.toHaveAccessibleName("Nav lomas");

    await page.getByLabel("Loma", { exact: true }).selectOption({ label: "Vadošā" });
    await expect(page).toHaveURL(/[?&]role=lead/);
    await expect(matrix.row("FAO")).toHaveCount(1);
    await page.reload();
    await expect(page.getByLabel("Ministrija", { exact: true })).toHaveValue(/^\d+$/);
    await expect(matrix.row("FAO")).toHaveCount(1);
    await expect(matrix.row("UN")).toHaveCount(0);
    await page.getByRole("button", { name: "Notīrīt atlasi" }).click();
    await expect(matrix.row("UN")).toHaveCount(1);
  });
});

test.describe("two people at once", () => {
  test.use({ storageState: storageState("admin") });

  test("a change made meanwhile in another window is reported, not overwritten", async ({ page, newContext }) => {
    const finance = "Finanšu ministrija";
    const mine = new ResponsibilitiesPage(page);
    const theirs = new ResponsibilitiesPage(await (await newContext({ role: "editor" })).newPage());
    for (const matrix of [mine, theirs]) {
      await matrix.goto("?q=OSCE-SMM");
      await matrix.expectRole("OSCE-SMM", finance, "none");
    }
    await theirs.pick("OSCE-SMM", finance, "paying");
    await expect(theirs.status).toHaveText(`OSCE-SMM: ${finance} – Maksātāja.`);

    await mine.pick("OSCE-SMM", finance, "co_responsible");
    await expect(mine.alert).toHaveText("OSCE-SMM: kamēr skatījāties, šo šūnu kāds mainīja – tagad tajā ir “Maksātāja”. Jūsu izmaiņa netika saglabāta.");
    // The matrix reloads what is saved: their value, which survived.
    await mine.expectRole("OSCE-SMM", finance, "paying");
    await mine.pick("OSCE-SMM", finance, "none");
    await expect(mine.status).toHaveText(`OSCE-SMM: ${finance} – Nav lomas.`);
  });
});

test.describe("as the viewer", () => {
  test.use({ storageState: storageState("viewer") });

  test("the matrix is read-only: no controls in the cells, Enter opens nothing", async ({ page }) => {
    const matrix = new ResponsibilitiesPage(page);
    await matrix.goto();
    await expect(page.getByText("Jums ir tiesības matricu tikai skatīt.")).toBeVisible();
    await expect(matrix.grid).toHaveAttribute("aria-readonly", "true");
    await expect(matrix.grid.getByRole("button")).toHaveCount(0);
    await matrix.expectRole("FAO", ZM, "lead");
    const cell = await matrix.cell("FAO", ZM);
    await cell.focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Space");
    await expect(page.getByRole("menu")).toHaveCount(0);
    await page.keyboard.press("ArrowLeft");
    await expect(await matrix.cell("FAO", "Veselības ministrija")).toBeFocused();
  });
});

test.describe("as the editor of Zemkopības ministrija", () => {
  test.use({ storageState: storageState("zmEditor") });

  test("only the rows ZM leads are editable", async ({ page }) => {
    const matrix = new ResponsibilitiesPage(page);
    await matrix.goto();
    await expect(matrix.row("FAO").getByRole("button")).not.toHaveCount(0);
    await expect(matrix.row("UN").getByRole("button")).toHaveCount(0);
    await expect(await matrix.cell("UN", ZM)).toHaveAttribute("aria-readonly", "true");
  });
});

test.describe("in English", () => {
  test.use({ storageState: storageState("admin") });

  test("sets and clears a paying ministry with the mouse; the lead cannot be taken away", async ({ page, baseURL }) => {
    await useEnglish(page, baseURL!);
    const matrix = new ResponsibilitiesPage(page, "en");
    await matrix.goto();
    await matrix.search("SIDS4-TF");
    await expect(matrix.grid.getByRole("row")).toHaveCount(2);
    const finance = "Ministry of Finance";
    const foreign = "Ministry of Foreign Affairs";
    await matrix.expectRole("SIDS4-TF", foreign, "lead");

    await matrix.pick("SIDS4-TF", finance, "paying");
    await expect(matrix.status).toHaveText(`SIDS4-TF: ${finance} – Paying.`);
    await matrix.expectRole("SIDS4-TF", finance, "paying");

    await matrix.pick("SIDS4-TF", foreign, "none");
    await expect(matrix.alert).toHaveText(`SIDS4-TF: ${foreign} is the lead ministry. Assign another lead first.`);
    await matrix.expectRole("SIDS4-TF", foreign, "lead");
    await expect(await matrix.cellControl("SIDS4-TF", foreign)).toBeFocused();

    await page.reload();
    await matrix.expectRole("SIDS4-TF", finance, "paying");
    await matrix.pick("SIDS4-TF", finance, "none");
    await expect(matrix.status).toHaveText(`SIDS4-TF: ${finance} – No role.`);
    await matrix.expectRole("SIDS4-TF", finance, "none");
  });
});

for (const locale of ["lv", "en"] as const) {
  test.describe(`axe, ${locale}`, () => {
    // axe on every page and tab of a record, after making it through the UI: slow on a busy machine.
    test.slow();
    test.use({ storageState: storageState("admin") });

    test("the matrix, filtered, and with a cell's menu open", async ({ page, baseURL }) => {
      if (locale === "en") await useEnglish(page, baseURL!);
      const matrix = new ResponsibilitiesPage(page, locale);
      await matrix.goto();
      expect(await axeViolations(page), "matrix").toEqual([]);
      await matrix.filterByMinistry(locale === "en" ? "Ministry of Agriculture" : ZM);
      await expect(page).toHaveURL(/[?&]ministry=\d+/);
      await expect(matrix.row("UN")).toHaveCount(0);
      expect(await axeViolations(page), "filtered").toEqual([]);
      await (await matrix.cell("FAO", locale === "en" ? "Ministry of Culture" : KM)).getByRole("button").click();
      await expect(page.getByRole("menu")).toBeVisible();
      expect(await axeViolations(page), "menu open").toEqual([]);
      await page.keyboard.press("Escape");
    });
  });
}
