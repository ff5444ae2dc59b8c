import type { Page } from "@playwright/test";
import { accounts, storageState } from "./fixtures";
import { ContributionsPage } from "./pages/contributions-page";
import { axeViolations } from "./support/axe";
import { expect, test } from "./support/test";

// A year nobody else's tests use, and an organization of the test's own: parallel tests never meet.
const YEAR = 2031;

test.use({ storageState: storageState("editor") });
// Each test first makes its organization and lines through the UI.
test.describe.configure({ timeout: 90_000 });

/** The editor's grid of a fresh organization in YEAR, with `lines` new EUR lines. */
async function gridWithLines(page: Page, adminPage: Page, lines: number, currency = "EUR") {
  const organization = await ContributionsPage.newOrganization(adminPage);
  const grid = new ContributionsPage(page);
  await grid.goto({ year: YEAR, org: organization.id });
  await expect(grid.rows()).toHaveCount(0);
  for (let i = 0; i < lines; i++) await grid.addLine({ acronym: organization.acronym, currency });
  return { grid, organization };
}

test.describe("the year grid", () => {
  test("is edited with the keyboard alone: type, Enter, arrows, Tab, Escape, F2, Delete", async ({ page, adminPage }) => {
    const { grid } = await gridWithLines(page, adminPage, 2);
    // Into the grid from the toolbar with Tab: one tab stop, on the active cell.
    const add = page.getByRole("button", { name: "Pievienot iemaksu" });
    await expect(add).toBeEnabled();
    await add.focus();
    await page.keyboard.press("Tab");
    await expect(grid.cell(0, "organization")).toBeFocused();

    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
    await expect.poll(() => grid.activeColumn()).toBe("amount");
    await page.keyboard.type("1 234,56");
    await page.keyboard.press("Enter");
    await expect(grid.status()).toHaveText("Saglabāts.");
    await expect(grid.cell(0, "amount")).toHaveText("1 234,56 €");
    await expect(grid.cell(0, "amountEur")).toHaveText("1 234,56 €");
    // Enter moved down.
    await expect(grid.cell(1, "amount")).toBeFocused();

    // Tab saves and moves right; Shift+Tab back.
    await page.keyboard.type("100");
    await page.keyboard.press("Tab");
    await expect(grid.cell(1, "rate")).toBeFocused();
    await expect(grid.cell(1, "amount")).toHaveText("100,00 €");
    await page.keyboard.press("Shift+Tab");
    await expect(grid.cell(1, "amount")).toBeFocused();

    // Escape gives the old value back and saves nothing.
    await page.keyboard.type("999");
    await page.keyboard.press("Escape");
    await expect(grid.cell(1, "amount")).toHaveText("100,00 €");
    await expect(grid.cell(1, "amount")).toBeFocused();

    // F2 edits the value in place (arrows move the caret, not the cell).
    await page.keyboard.press("F2");
    const editor = grid.cell(1, "amount").getByRole("textbox");
    await expect(editor).toHaveValue("100,00");
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Enter");
    await expect(grid.cell(1, "amount")).toHaveText("10,00 €");

    // Arrow up, then Delete clears the cell.
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await expect(grid.cell(0, "amount")).toBeFocused();
    await page.keyboard.press("Delete");
    await expect(grid.cell(0, "amount")).toHaveText("—");
    await expect(grid.total("amountEur")).toHaveText("10,00 €");

    // Ctrl+Z brings the cleared amount back, as a new change.
    await page.keyboard.press("Control+z");
    await expect(grid.status()).toHaveText("Atsaukts.");
    await expect(grid.cell(0, "amount")).toHaveText("1 234,56 €");
    await expect(grid.total("amountEur")).toHaveText("1 244,56 €");

    // A select cell: typing picks from its list; Enter saves.
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => grid.activeColumn()).toBe("kind");
    await page.keyboard.press("Enter");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(grid.cell(0, "kind")).toHaveText("Brīvprātīgā");

    // The saves survive a reload (lines sort by organization, then kind: the voluntary one is now second).
    await page.reload();
    await expect(grid.cell(0, "amount")).toHaveText("10,00 €");
    await expect(grid.cell(1, "amount")).toHaveText("1 234,56 €");
    await expect(grid.cell(1, "kind")).toHaveText("Brīvprātīgā");
  });

  test("pastes a 3×2 block copied from Excel, and refuses a block with a bad cell as a whole", async ({ page, adminPage }) => {
    const { grid } = await gridWithLines(page, adminPage, 3);
    await grid.activate(0, "dueDate");
    await grid.paste("31.03.2026\tAprēķināta\n30.04.2026\tAprēķināta\n29.05.2026\tPlānota\n");
    await expect(grid.status()).toHaveText("Saglabātas 6 šūnas.");
    await expect(grid.cell(0, "dueDate")).toHaveText(/31.*2026|2026.*31/);
    await expect(grid.cell(2, "dueDate")).toHaveText(/29.*2026|2026.*29/);
    await expect(grid.cell(0, "status")).toContainText("Aprēķināta");
    await expect(grid.cell(1, "status")).toContainText("Aprēķināta");
    await expect(grid.cell(2, "status")).toContainText("Plānota");

    // An amount block with one impossible value: nothing is saved, the bad cell keeps its text and message.
    await grid.activate(0, "amount");
    await grid.paste("100\n200,5\n1.234\n");
    await expect(grid.alert()).toHaveText(/Bloks nav saglabāts: 1 šūnā ir kļūda/);
    await expect(grid.cell(0, "amount")).toHaveText("—");
    await expect(grid.cell(2, "amount")).toHaveText(/1\.234/);
    await expect(grid.cell(2, "amount")).toHaveAttribute("aria-invalid", "true");
    await expect(grid.cell(2, "amount")).toHaveAccessibleDescription(/divējādi/);
    await page.reload();
    await expect(grid.cell(1, "amount")).toHaveText("—");

    // A block that runs past the last line is refused before anything is sent.
    await grid.activate(2, "amount");
    await grid.paste("1\n2\n");
    await expect(grid.alert()).toHaveText("Ielīmētais bloks iziet ārpus tabulas.");
  });

  test("reads amounts in the user's language: lv 1 234,56, en 1,234.56", async ({ page, adminPage, baseURL }) => {
    const { grid } = await gridWithLines(page, adminPage, 1);
    await grid.activate(0, "amount");
    await page.keyboard.type("1.234");
    await page.keyboard.press("Enter");
    await expect(grid.alert()).toContainText("Summu var saprast divējādi");
    await expect(grid.cell(0, "amount")).toHaveAttribute("aria-invalid", "true");
    // Escape lets the refused value go.
    await grid.activate(0, "amount");
    await page.keyboard.press("Escape");
    await expect(grid.cell(0, "amount")).toHaveText("—");

    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
    await page.reload();
    await grid.activate(0, "amount");
    await page.keyboard.type("1,234.5");
    await page.keyboard.press("Enter");
    await expect(grid.status()).toHaveText("Saved.");
    await expect(grid.cell(0, "amount")).toHaveText("€1,234.50");
    await expect(grid.total("amountEur")).toHaveText("€1,234.50");
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "lv", url: baseURL! }]);
  });

  test("a conflict between two people is shown with the other's value and nothing is overwritten", async ({ page, adminPage, newContext }) => {
    const { grid, organization } = await gridWithLines(page, adminPage, 1);
    const theirs = new ContributionsPage(await (await newContext({ role: "admin" })).newPage());
    await theirs.goto({ year: YEAR, org: organization.id });

    await theirs.activate(0, "plannedEur");
    await theirs.page.keyboard.type("500");
    await theirs.page.keyboard.press("Enter");
    await expect(theirs.cell(0, "plannedEur")).toHaveText("500,00 €");

    // This page still holds the old version.
    await grid.activate(0, "plannedEur");
    await page.keyboard.type("700");
    await page.keyboard.press("Enter");
    const popover = page.getByTestId("conflict-popover");
    await expect(popover).toBeVisible();
    await expect(popover).toContainText(accounts.admin.name);
    await expect(popover).toContainText("500,00 €");
    await expect(popover).toContainText("700");
    await expect(popover.getByRole("button", { name: "Paturēt viņu vērtību" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(popover).toBeHidden();
    await expect(grid.cell(0, "plannedEur")).toHaveText("500,00 €");
    await page.reload();
    await expect(grid.cell(0, "plannedEur")).toHaveText("500,00 €");
  });

  test("viewers read the grid but cannot edit it; the page has no accessibility violations", async ({ newContext, adminPage }) => {
    const organization = await ContributionsPage.newOrganization(adminPage);
    const editor = new ContributionsPage(await (await newContext({ role: "editor" })).newPage());
    await editor.goto({ year: YEAR, org: organization.id });
    await editor.addLine({ acronym: organization.acronym });
    expect(await axeViolations(editor.page)).toEqual([]);

    const viewer = new ContributionsPage(await (await newContext({ role: "viewer" })).newPage());
    await viewer.goto({ year: YEAR, org: organization.id });
    await expect(viewer.page.getByRole("button", { name: "Pievienot iemaksu" })).toHaveCount(0);
    await expect(viewer.grid()).toHaveAttribute("aria-readonly", "true");
    await viewer.activate(0, "amount");
    await viewer.page.keyboard.type("5");
    await expect(viewer.cell(0, "amount").getByRole("textbox")).toHaveCount(0);
    await expect(viewer.status()).toHaveText("Šo šūnu nevar labot.");
  });

  test("a payment added in the line's panel moves its status, paid and outstanding, and the totals", async ({ page, adminPage }) => {
    const { grid } = await gridWithLines(page, adminPage, 1);
    await grid.activate(0, "amount");
    await page.keyboard.type("1000");
    await page.keyboard.press("Enter");
    await expect(grid.cell(0, "outstandingEur")).toHaveText("1 000,00 €");

    // The last cell opens the line's payments, from the keyboard.
    await grid.activate(0, "organization");
    await page.keyboard.press("Enter");
    const panel = page.getByRole("dialog");
    await expect(panel).toBeVisible();
    await panel.getByRole("button", { name: "Pievienot maksājumu" }).click();
    await panel.getByLabel("Maksājuma datums").fill("2031-02-15");
    await panel.getByLabel("Summa", { exact: true }).fill("400");
    await panel.getByRole("button", { name: "Pievienot", exact: true }).click();
    await expect(panel.getByRole("status").filter({ hasText: "Maksājums pievienots." })).toBeVisible();
    await expect(panel.getByTestId("payments-table")).toContainText("400,00 €");
    await page.keyboard.press("Escape");
    await expect(panel).toBeHidden();

    await expect(grid.cell(0, "status")).toContainText("Daļēji samaksāta");
    await expect(grid.cell(0, "paidEur")).toHaveText("400,00 €");
    await expect(grid.cell(0, "outstandingEur")).toHaveText("600,00 €");
    await expect(grid.total("paidEur")).toHaveText("400,00 €");
    await expect(grid.total("outstandingEur")).toHaveText("600,00 €");

    await grid.activate(0, "organization");
    await page.keyboard.press("Enter");
    await panel.getByRole("button", { name: "Pievienot maksājumu" }).click();
    await panel.getByLabel("Maksājuma datums").fill("2031-03-15");
    await panel.getByLabel("Summa", { exact: true }).fill("600");
    await panel.getByRole("button", { name: "Pievienot", exact: true }).click();
    await expect(panel.getByRole("status").filter({ hasText: "Maksājums pievienots." })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(grid.cell(0, "status")).toContainText("Samaksāta");
    await expect(grid.cell(0, "outstandingEur")).toHaveText("0,00 €");
    // A status the payments decide cannot be chosen by hand any more.
    await grid.activate(0, "status");
    await page.keyboard.press("Enter");
    await expect(grid.cell(0, "status").getByRole("combobox").locator("option:not([disabled])")).toHaveCount(0);
    await page.keyboard.press("Escape");
  });

  test("a closed year is read-only in the grid too, and editable again once reopened", async ({ page, adminPage }) => {
    const closedYear = 2035;
    const organization = await ContributionsPage.newOrganization(adminPage);
    const admin = new ContributionsPage(adminPage);
    await admin.goto({ year: closedYear, org: organization.id });
    await admin.addLine({ acronym: organization.acronym });

    await adminPage.goto("/admin/fiscal-years");
    const row = adminPage.getByRole("row").filter({ has: adminPage.getByRole("rowheader", { name: String(closedYear), exact: true }) });
    await row.getByRole("button", { name: `Slēgt ${closedYear}` }).click();
    await row.getByRole("button", { name: `Apstiprināt ${closedYear}. gada slēgšanu` }).click();
    await expect(row.getByRole("status").filter({ hasText: `${closedYear}. gads ir slēgts.` })).toBeVisible();

    try {
      const grid = new ContributionsPage(page);
      await grid.goto({ year: closedYear, org: organization.id });
      await expect(page.getByText(`${closedYear}. gads ir slēgts: iemaksas un maksājumi ir tikai lasāmi.`)).toBeVisible();
      await expect(grid.grid()).toHaveAttribute("aria-readonly", "true");
      await expect(page.getByRole("button", { name: "Pievienot iemaksu" })).toHaveCount(0);
      await grid.activate(0, "plannedEur");
      await page.keyboard.type("5");
      await expect(grid.cell(0, "plannedEur").getByRole("textbox")).toHaveCount(0);
      await expect(grid.status()).toHaveText("Šo šūnu nevar labot.");
    } finally {
      await adminPage.goto("/admin/fiscal-years");
      await row.getByRole("button", { name: `Atvērt ${closedYear}` }).click();
      const reason = row.getByLabel(`${closedYear}. gada atvēršanas iemesls`);
      await reason.fill("E2E pārbaude: gads atkal atvērts.");
      await reason.press("Tab");
      await adminPage.keyboard.press("Enter");
      await expect(row.getByRole("status").filter({ hasText: `${closedYear}. gads atkal ir atvērts.` })).toBeVisible();
    }
  });
});
