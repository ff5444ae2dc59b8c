import { storageState } from "./fixtures";
import { axeViolations } from "./support/axe";
import { expect, test } from "./support/test";

/**
 * The multi-year view (/contributions/years) and "prepare next year". The copy works on 2001 → 2002
 * (demo lines in 2001, none in 2002), so that the 2026/2027 lines other specs and the security cases
 * aim at stay as seeded.
 */
const YEARS = ["2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026"];

test.describe("as the admin", () => {
  test.use({ storageState: storageState("admin") });

  test("shows organizations × years with totals, and a cell opens that year's grid for the organization", async ({ page }) => {
    test.slow(); // axe over a table of a few hundred links
    await page.goto("/contributions/years?from=2019&to=2026");
    await expect(page).toHaveTitle(/Iemaksas pa gadiem/);
    const table = page.getByRole("table", { name: "Iemaksu kopsummas EUR, 2019–2026" });
    await expect(table).toBeVisible();
    const headers = table.getByRole("columnheader");
    await expect(headers).toHaveText(["Organizācija", ...YEARS]);

    const un = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^UN\b/ }) });
    await expect(un).toHaveCount(1);
    const total = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Kopā" }) });
    // Money in the Latvian form: groups of three, a decimal comma, the euro sign after.
    await expect(total.getByTestId("year-total-2026").getByRole("link")).toHaveText(/^\d{1,3}([\s\u00a0]\d{3})*,\d{2}\s€/);
    expect(await axeViolations(page)).toEqual([]);

    const cell = un.getByRole("link", { name: /atvērt 2025\. gada tabulu organizācijai UN/ });
    const href = await cell.getAttribute("href");
    expect(href).toMatch(/^\/contributions\?year=2025&org=\d+$/);
    await cell.click();
    await expect(page).toHaveURL(new RegExp(`${href!.replace("?", "\\?")}$`));
  });

  test("keeps the range and filters in the URL, at most 15 years", async ({ page }) => {
    await page.goto("/contributions/years?from=1990&to=2026&kind=voluntary");
    const table = page.getByRole("table", { name: "Iemaksu kopsummas EUR, 2012–2026" });
    await expect(table.getByRole("columnheader")).toHaveCount(16);
    await page.getByLabel("Veids").selectOption({ label: "Obligātā" });
    await expect(page).toHaveURL(/kind=assessed/);
    await page.getByLabel("No gada").selectOption("2024");
    await expect(page.getByRole("table", { name: "Iemaksu kopsummas EUR, 2024–2026" })).toBeVisible();
  });

  test("prepares 2002 from 2001 through the confirmation; a second time is refused", async ({ page }) => {
    await page.goto("/contributions/years?from=1995&to=2001");
    await page.getByRole("button", { name: "Sagatavot 2002. gadu" }).click();
    const dialog = page.getByRole("dialog", { name: "Sagatavot 2002. gadu no 2001. gada" });
    await expect(dialog).toContainText("7 2001. gada rindas tiks nokopētas uz 2002. gadu kā plānotas");
    await dialog.getByRole("button", { name: "Kopēt 7 rindas" }).click();
    // The copy, then the next year's grid: slow on a busy machine.
    await expect(page).toHaveURL(/\/contributions\?year=2002$/, { timeout: 20_000 });

    await page.goto("/contributions/years?from=1996&to=2002");
    const table = page.getByRole("table", { name: "Iemaksu kopsummas EUR, 1996–2002" });
    // The new lines are planned, without amounts yet: the organizations are there, with no EUR total.
    const un = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^UN\b/ }) });
    await expect(un.getByRole("link", { name: /2002\. gada tabulu/ })).toHaveText(/^—/);

    await page.goto("/contributions/years?from=1995&to=2001");
    await page.getByRole("button", { name: "Sagatavot 2002. gadu" }).click();
    const again = page.getByRole("dialog", { name: "Sagatavot 2002. gadu no 2001. gada" });
    await again.getByRole("button", { name: "Kopēt 7 rindas" }).click();
    await expect(again.getByRole("alert")).toContainText("Nākamajā gadā jau ir rindas");
    await expect(page).toHaveURL(/\/contributions\/years/);
  });
});

test.describe("as the ZM editor", () => {
  test.use({ storageState: storageState("zmEditor") });

  test("sees only what Zemkopības ministrija pays, and may prepare only its lines", async ({ page }) => {
    await page.goto("/contributions/years?from=2019&to=2026");
    await expect(page.getByText("Redzamas tikai iemaksas, ko maksā Zemkopības ministrija.")).toBeVisible();
    const table = page.getByRole("table", { name: /Iemaksu kopsummas EUR/ });
    await expect(table.getByRole("rowheader", { name: /^FAO\b/ })).toBeVisible();
    await expect(table.getByRole("rowheader", { name: /^UN\b/ })).toHaveCount(0);
    await expect(page.getByLabel("Maksātāja ministrija")).toHaveCount(0);

    // The confirmation counts ZM's lines only; cancelling it writes nothing.
    await page.getByRole("button", { name: "Sagatavot 2027. gadu" }).click();
    const dialog = page.getByRole("dialog", { name: "Sagatavot 2027. gadu no 2026. gada" });
    await expect(dialog).toContainText("2 2026. gada rindas tiks nokopētas");
    await expect(dialog).toContainText("Tiek kopētas tikai jūsu ministrijas maksātās rindas.");
    await dialog.getByRole("button", { name: "Atcelt" }).click();
    await expect(dialog).toHaveCount(0);
  });
});

test.describe("as the viewer", () => {
  test.use({ storageState: storageState("viewer") });

  test("sees the table but no way to prepare a year", async ({ page }) => {
    await page.goto("/contributions/years");
    await expect(page.getByRole("table", { name: /Iemaksu kopsummas EUR/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /Sagatavot/ })).toHaveCount(0);
  });
});
