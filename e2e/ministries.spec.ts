import type { Page } from "@playwright/test";
import { storageState } from "./fixtures";
import { MinistriesPage, uniqueMinistryCode, uniqueProgrammeKey, type MinistryTab, type UiLocale } from "./pages/ministries-page";
import { axeViolations } from "./support/axe";
import { expect, test, unique } from "./support/test";

async function useLocale(page: Page, locale: UiLocale, baseURL: string) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
}

/**
 * The admin's flow on a ministry of the test's own (the demo ministries are shared by every spec):
 * create → rename → History shows it → deactivate → the list's status filter → delete (nothing refers to it).
 */
async function adminEditsMinistry(page: Page, locale: UiLocale) {
  const ministries = new MinistriesPage(page, locale);
  const l = ministries.l;
  const code = uniqueMinistryCode();
  const tag = unique("min");
  const ministry = { code: code.toUpperCase(), nameLv: `Testa ministrija ${tag}`, nameEn: `Test ministry ${tag}` };
  const id = await ministries.createMinistry(ministry);
  // Saved lowercased, as the database's check wants it.
  await expect(page.locator("main h1 + p code")).toHaveText(code);

  const renamedLv = `${ministry.nameLv} (jaunā)`;
  const renamedEn = `${ministry.nameEn} (renamed)`;
  await page.getByLabel(l.nameLv).fill(renamedLv);
  await page.getByLabel(l.nameEn).fill(renamedEn);
  await ministries.save();
  await expect(page.getByRole("heading", { level: 1, name: locale === "en" ? renamedEn : renamedLv })).toBeVisible();

  await ministries.showTab("history");
  await expect(ministries.historyRows(l.nameLv, ministry.nameLv, renamedLv)).toHaveCount(1);

  await ministries.showTab("details");
  await page.getByRole("button", { name: l.deactivate, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: l.nowInactive })).toBeVisible();
  await expect(page.getByRole("button", { name: l.activate, exact: true })).toBeVisible();

  await ministries.goto(`?q=${code}`);
  const name = locale === "en" ? renamedEn : renamedLv;
  await expect(ministries.row(name)).toContainText(l.inactive);
  await page.getByLabel(l.status, { exact: true }).selectOption({ label: locale === "en" ? "Active" : "Aktīva" });
  await expect(ministries.row(name)).toHaveCount(0);

  await ministries.open(id);
  await page.getByRole("button", { name: l.deleteMinistry }).click();
  await page.getByRole("button", { name: l.confirmDelete }).click();
  await expect(page).toHaveURL(/\/ministries$/);
  expect((await page.goto(`/ministries/${id}`))?.status()).toBe(404);
}

/**
 * The ZM editor on their own ministry: a bad code is refused under its field, then create, edit, History;
 * deleting is an admin's (the admin's page deletes the unreferenced programme).
 */
async function zmEditorKeepsProgramme(page: Page, locale: UiLocale, adminPage: Page) {
  const ministries = new MinistriesPage(page, locale);
  const l = ministries.l;
  const zm = await ministries.idOf("zm");
  const key = uniqueProgrammeKey();
  const tag = unique("prog");
  const programme = { ...key, nameLv: `Programma ${tag}`, nameEn: `Programme ${tag}` };

  await ministries.open(zm, "programmes");
  await page.getByRole("link", { name: l.newProgramme }).click();
  await ministries.fillProgramme({ ...programme, code: "1.3.0" });
  await page.getByRole("button", { name: l.createProgramme }).click();
  const codeField = page.getByLabel(l.programmeCode);
  await expect(codeField).toHaveAttribute("aria-invalid", "true");
  await expect(codeField).toHaveAccessibleDescription(new RegExp(l.programmeCodeError.replace(/[.]/g, "\\.")));
  await expect(page.getByText(l.programmeCodeError)).toBeVisible();
  await expect(page).toHaveURL(/\/programmes\/new$/);

  const id = await ministries.createProgramme(zm, programme);
  // A later end year than the start is refused under that field.
  await ministries.fillProgramme({ validToYear: String(Number(key.validFromYear) - 1) });
  await page.getByRole("button", { name: l.save, exact: true }).click();
  await expect(page.getByText(l.yearOrderError)).toBeVisible();
  await expect(page.getByLabel(l.validToYear)).toHaveAttribute("aria-invalid", "true");

  const renamedLv = `${programme.nameLv} (labota)`;
  await ministries.fillProgramme({ nameLv: renamedLv, validToYear: String(Number(key.validFromYear) + 3) });
  await ministries.save();

  await ministries.openProgramme(zm, id, "history");
  await expect(ministries.historyRows(l.nameLv, programme.nameLv, renamedLv)).toHaveCount(1);

  await ministries.open(zm, "programmes");
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader").getByRole("link", { name: key.code, exact: true }) });
  await expect(row.filter({ hasText: locale === "en" ? programme.nameEn : renamedLv })).toHaveCount(1);

  await ministries.openProgramme(zm, id);
  await expect(page.getByRole("button", { name: l.deleteProgramme })).toHaveCount(0);

  const admin = new MinistriesPage(adminPage, "lv");
  await admin.openProgramme(zm, id);
  await adminPage.getByRole("button", { name: admin.l.deleteProgramme }).click();
  await adminPage.getByRole("button", { name: admin.l.confirmDelete }).click();
  await expect(adminPage).toHaveURL(new RegExp(`/ministries/${zm}\\?tab=programmes$`));
  expect((await page.goto(`/ministries/${zm}/programmes/${id}`))?.status()).toBe(404);
}

test.describe("ministries as the admin", () => {
  test.use({ storageState: storageState("admin") });

  test("create, rename, deactivate and delete a ministry; History shows the change (Latvian)", async ({ page }) => {
    await adminEditsMinistry(page, "lv");
  });

  test("create, rename, deactivate and delete a ministry (English)", async ({ page, baseURL }) => {
    await useLocale(page, "en", baseURL!);
    await adminEditsMinistry(page, "en");
  });

  test("a taken or malformed ministry code is refused under the code field", async ({ page }) => {
    const ministries = new MinistriesPage(page);
    await page.goto("/ministries/new");
    await page.getByLabel("Kods", { exact: true }).fill("zm");
    await page.getByLabel("Nosaukums latviski").fill("Dublikāts");
    await page.getByLabel("Nosaukums angliski").fill("Duplicate");
    await page.getByRole("button", { name: ministries.l.createMinistry }).click();
    await expect(page.getByText("Ministrija ar šo kodu jau ir.")).toBeVisible();
    await page.getByLabel("Kods", { exact: true }).fill("9 ministrija");
    await expect(page.getByText(/Kodā var būt mazie latīņu burti/)).toBeVisible();
    await expect(page).toHaveURL(/\/ministries\/new$/);
  });

  test("a programme that contributions are paid from cannot be deleted", async ({ page }) => {
    const ministries = new MinistriesPage(page);
    const zm = await ministries.idOf("zm");
    const id = await ministries.programmeIdOf(zm, "24.03.00");
    await ministries.openProgramme(zm, id);
    await page.getByRole("button", { name: ministries.l.deleteProgramme }).click();
    await page.getByRole("button", { name: ministries.l.confirmDelete }).click();
    await expect(page.locator("main").getByRole("alert").filter({ hasText: ministries.l.inUse })).toBeVisible();
    await ministries.openProgramme(zm, id);
  });
});

test.describe("budget programmes as the editor of Zemkopības ministrija", () => {
  test.use({ storageState: storageState("zmEditor") });

  test("create and edit a programme of Zemkopības ministrija (Latvian)", async ({ page, adminPage }) => {
    await zmEditorKeepsProgramme(page, "lv", adminPage);
  });

  test("create and edit a programme of Zemkopības ministrija (English)", async ({ page, baseURL, adminPage }) => {
    await useLocale(page, "en", baseURL!);
    await zmEditorKeepsProgramme(page, "en", adminPage);
  });

  test("another ministry's programmes and the ministry itself show no edit controls", async ({ page }) => {
    const ministries = new MinistriesPage(page);
    const l = ministries.l;
    await ministries.goto();
    await expect(page.getByRole("link", { name: l.newMinistry })).toHaveCount(0);

    const am = await ministries.idOf("am");
    await ministries.open(am);
    await expect(page.getByText(l.readOnlyMinistry)).toBeVisible();
    await expect(page.locator("main form")).toHaveCount(0);
    await ministries.showTab("programmes");
    await expect(page.getByRole("rowheader").getByRole("link", { name: "01.03.00" })).toBeVisible();
    await expect(page.getByRole("link", { name: l.newProgramme })).toHaveCount(0);

    const programme = await ministries.programmeIdOf(am, "01.03.00");
    await ministries.openProgramme(am, programme);
    await expect(page.getByText(l.readOnlyProgramme)).toBeVisible();
    await expect(page.locator("main form")).toHaveCount(0);
    await expect(page.getByRole("button", { name: l.deleteProgramme })).toHaveCount(0);
    expect((await page.goto(`/ministries/${am}/programmes/new`))?.status()).toBe(404);
    expect((await page.goto("/ministries/new"))?.status()).toBe(404);

    // Their own ministry: the programmes can be kept, the ministry's fields still not.
    const zm = await ministries.idOf("zm");
    await ministries.open(zm);
    await expect(page.getByText(l.readOnlyMinistry)).toBeVisible();
    await ministries.showTab("programmes");
    await expect(page.getByRole("link", { name: l.newProgramme })).toBeVisible();
  });
});

test.describe("ministries: accessibility", () => {
  // axe on every page and tab of a record, after making it through the UI: slow on a busy machine.
  test.slow();
  test.use({ storageState: storageState("admin") });

  for (const locale of ["lv", "en"] as const) {
    test(`axe on the list, the new forms, every tab of a ministry and a programme page (${locale})`, async ({ page, baseURL }) => {
      await useLocale(page, locale, baseURL!);
      const ministries = new MinistriesPage(page, locale);
      const zm = await ministries.idOf("zm");
      const programme = await ministries.programmeIdOf(zm, "24.03.00");
      for (const path of ["/ministries", "/ministries?status=inactive&sort=programmes.desc", "/ministries/new", `/ministries/${zm}/programmes/new`]) {
        await page.goto(path);
        await expect(page.locator("main h1")).toBeVisible();
        expect(await axeViolations(page), path).toEqual([]);
      }
      for (const tab of ["details", "programmes", "organizations", "history"] satisfies MinistryTab[]) {
        await ministries.open(zm, tab);
        await expect(page.locator("main h1")).toBeVisible();
        expect(await axeViolations(page), `/ministries/${zm}?tab=${tab}`).toEqual([]);
      }
      for (const tab of ["details", "history"] as const) {
        await ministries.openProgramme(zm, programme, tab);
        expect(await axeViolations(page), `/ministries/${zm}/programmes/${programme}?tab=${tab}`).toEqual([]);
      }
    });
  }

  test("axe on the read-only pages of a viewer", async ({ newContext }) => {
    const page = await (await newContext({ role: "viewer" })).newPage();
    const ministries = new MinistriesPage(page);
    const am = await ministries.idOf("am");
    const programme = await ministries.programmeIdOf(am, "01.03.00");
    await ministries.open(am);
    expect(await axeViolations(page), `/ministries/${am}`).toEqual([]);
    await ministries.openProgramme(am, programme);
    expect(await axeViolations(page), `/ministries/${am}/programmes/${programme}`).toEqual([]);
  });
});
