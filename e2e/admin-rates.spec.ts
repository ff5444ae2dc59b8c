import { storageState } from "./fixtures";
import { axeViolations } from "./support/axe";
import { expect, test, unique } from "./support/test";

/** Exchange rates and fiscal years, as the admin uses them: keyboard only, in Latvian. */
test.use({ storageState: storageState("admin") });
// Keyboard steps, server round trips and two axe scans: more than the default 30 s on a loaded machine.
test.describe.configure({ timeout: 90_000 });

// A year no other spec reads or writes: the rows added here are the test's own.
const RATE_YEAR = "2099";

test("an admin adds a rate and its correction by keyboard; the correction supersedes it", async ({ page }) => {
  await page.goto(`/admin/exchange-rates?year=${RATE_YEAR}&currency=USD`);
  await expect(page.getByRole("heading", { level: 1, name: "Valūtu kursi" })).toBeVisible();
  const form = page.getByRole("region", { name: "Pievienot kursu" });
  const table = page.getByRole("table", { name: "Valūtu kursi, jaunākie vispirms" });
  const source = unique("ECB");

  async function addRate(rate: string, from: string) {
    await form.getByLabel("Gads").focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(RATE_YEAR);
    await page.keyboard.press("Tab");
    await expect(form.getByLabel("Valūta")).toBeFocused();
    await page.keyboard.type("USD");
    await page.keyboard.press("Tab");
    await expect(form.getByLabel("Vienības par EUR")).toBeFocused();
    await page.keyboard.type(rate);
    await page.keyboard.press("Tab");
    await page.keyboard.type(from);
    await page.keyboard.press("Enter");
  }

  // An amount that could be read two ways is refused, with its message at the field.
  await addRate("1.234", source);
  await expect(form.getByText("Summu var saprast divējādi", { exact: false })).toBeVisible();
  await expect(form.getByLabel("Vienības par EUR")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("Vienības par EUR").fill("");
  await form.getByLabel("Avots").fill("");

  await addRate("1,2345", source);
  await expect(form.getByRole("status")).toHaveText("Kurss pievienots.");
  const row = (text: string) => table.getByRole("row").filter({ hasText: text });
  await expect(row(source)).toHaveCount(1);
  await expect(row(source)).toContainText("1,2345");
  await expect(row(source)).toContainText("Lietošanā");

  const correction = unique("labojums");
  await addRate("1,23456789", correction);
  await expect(row(correction)).toContainText("1,23456789");
  await expect(row(correction)).toContainText("Lietošanā");
  await expect(row(source)).toContainText("Aizstāts");
  expect(await axeViolations(page)).toEqual([]);
});

test("an admin closes a year and reopens it with a reason, both audited", async ({ page }) => {
  await page.goto("/admin/fiscal-years");
  await expect(page.getByRole("heading", { level: 1, name: "Fiskālie gadi" })).toBeVisible();
  const table = page.getByRole("table", { name: "Fiskālie gadi ar stāvokli un skaitļiem" });
  // 2001: the sourced lats contributions, which no other spec edits.
  const year = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "2001", exact: true }) });
  await expect(year).toContainText("Atvērts");

  await year.getByRole("button", { name: "Slēgt 2001" }).focus();
  await page.keyboard.press("Enter");
  await expect(year.getByRole("group", { name: "Slēgt 2001" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(year.getByRole("button", { name: "Apstiprināt 2001. gada slēgšanu" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(year.getByRole("status").filter({ hasText: "2001. gads ir slēgts." })).toBeVisible();
  await expect(year).toContainText("Slēgts");
  await expect(year).toContainText("Demo administrators");
  expect(await axeViolations(page)).toEqual([]);

  await year.getByRole("button", { name: "Atvērt 2001" }).focus();
  await page.keyboard.press("Enter");
  const reason = year.getByLabel("2001. gada atvēršanas iemesls");
  await expect(reason).toBeFocused();
  await page.keyboard.type("īss");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(year.getByText("Vismaz 10 rakstzīmes.")).toBeVisible();
  await expect(year).toContainText("Slēgts");

  const why = `Jālabo 2001. gada rinda ${unique("r")}`;
  await reason.fill(why);
  await reason.press("Tab");
  await page.keyboard.press("Enter");
  await expect(year.getByRole("status").filter({ hasText: "2001. gads atkal ir atvērts." })).toBeVisible();
  await expect(year).toContainText("Atvērts");

  await page.goto("/admin/audit?entity=fiscal_years&record=2001");
  const log = page.getByRole("table");
  await expect(log.getByRole("row").filter({ hasText: "Gads atvērts" }).filter({ hasText: why })).toHaveCount(1);
  await expect(log.getByRole("row").filter({ hasText: "Gads slēgts" }).first()).toBeVisible();
});
