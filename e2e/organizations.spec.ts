import type { Page } from "@playwright/test";
import { storageState } from "./fixtures";
import { OrganizationsPage, type OrganizationTab, type UiLocale } from "./pages/organizations-page";
import { axeViolations } from "./support/axe";
import { expect, test, unique } from "./support/test";

/** An organization of the test's own: a unique acronym, so that parallel tests never meet. */
function newOrganization(locale: UiLocale = "lv") {
  const tag = unique("O").toUpperCase();
  return {
    acronym: tag,
    nameLv: `Testa organizācija ${tag}`,
    nameEn: `Test organization ${tag}`,
    kind: locale === "en" ? "Fund" : "Fonds",
    hqCity: "Ženēva",
    memberSince: "2004-05-01",
    treatyUrl: "https://likumi.lv/ta/id/12345-test",
    currencies: ["USD", "EUR"],
    lead: locale === "en" ? "Ministry of Economics" : "Ekonomikas ministrija",
  };
}

async function useLocale(page: Page, locale: UiLocale, baseURL: string) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
}

/** Create → the treaty is a link → edit → History shows the edit → archive → the list hides it until asked. */
async function createEditArchive(page: Page, locale: UiLocale) {
  const organizations = new OrganizationsPage(page, locale);
  const l = organizations.l;
  const organization = newOrganization(locale);
  const id = await organizations.create(organization);
  await expect(page.getByRole("link", { name: l.treatyLink })).toHaveAttribute("href", organization.treatyUrl);
  await expect(organizations.currency("USD")).toBeChecked();
  await expect(organizations.currency("CHF")).not.toBeChecked();

  const city = "Ņujorka";
  await organizations.fill({ hqCity: city });
  await organizations.save();
  await expect(organizations.field("hqCity")).toHaveValue(city);

  await organizations.showTab("responsibilities");
  await expect(page.getByRole("rowheader", { name: organization.lead, exact: true })).toBeVisible();

  await organizations.showTab("history");
  await expect(organizations.historyRows(l.hqCity, organization.hqCity, city)).toHaveCount(1);

  await organizations.showTab("details");
  await organizations.archive();
  await expect(page.locator("main").getByText(l.archived, { exact: true })).toBeVisible();

  await organizations.goto();
  await organizations.search(organization.acronym);
  await expect(page.getByText(l.noMatches)).toBeVisible();
  await page.getByLabel(l.status, { exact: true }).selectOption({ label: l.statusArchived });
  const row = organizations.row(organization.acronym);
  await expect(row).toBeVisible();
  await expect(row).toContainText(organization.lead);
  await expect(row).toContainText("USD, EUR");
  await expect(row.getByRole("link")).toHaveAttribute("href", `/organizations/${id}`);
}

test.describe("organizations as the editor of all ministries", () => {
  test.use({ storageState: storageState("editor") });

  test("create, edit and archive an organization (Latvian)", async ({ page }) => {
    await createEditArchive(page, "lv");
  });

  test("create, edit and archive an organization (English)", async ({ page, baseURL }) => {
    await useLocale(page, "en", baseURL!);
    await createEditArchive(page, "en");
  });

  test("validation errors appear under their fields: the likumi.lv link and a taken acronym", async ({ page }) => {
    const organizations = new OrganizationsPage(page);
    const l = organizations.l;
    await page.goto("/organizations/new");
    await organizations.fill({ ...newOrganization(), treatyUrl: "https://www.vestnesis.lv/op/2004/1", acronym: "fao" });
    await page.getByRole("button", { name: l.create }).click();
    const treaty = organizations.field("treatyUrl");
    await expect(treaty).toHaveAttribute("aria-invalid", "true");
    await expect(treaty).toHaveAccessibleDescription(/https:\/\/likumi\.lv\//);
    await expect(page.locator("#field-treatyUrl-error")).toHaveText("Norādiet saiti uz likumi.lv, kas sākas ar https://likumi.lv/.");
    await expect(page).toHaveURL(/\/organizations\/new$/);

    // The acronym is checked by the server: its answer lands under the field as well.
    await treaty.fill("https://likumi.lv/ta/id/1");
    await expect(page.locator("#field-treatyUrl-error")).toHaveCount(0);
    await page.getByRole("button", { name: l.create }).click();
    const acronym = organizations.field("acronym");
    await expect(acronym).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#field-acronym-error")).toHaveText("Organizācija ar šo saīsinājumu jau ir reģistrā.");
    await expect(acronym).toBeFocused();
    await expect(page).toHaveURL(/\/organizations\/new$/);

    const fresh = unique("O").toUpperCase();
    await acronym.fill(fresh);
    await page.getByRole("button", { name: l.create }).click();
    await expect(page.getByRole("heading", { level: 1, name: fresh })).toBeVisible();
  });

  test("the list filters by lead ministry and shows the year's total; FAO's tabs show its data", async ({ page }) => {
    const organizations = new OrganizationsPage(page);
    await organizations.goto();
    await page.getByLabel("Vadošā ministrija", { exact: true }).selectOption({ label: "Zemkopības ministrija" });
    await expect(page).toHaveURL(/[?&]ministry=\d+/);
    const fao = organizations.row("FAO");
    await expect(fao).toBeVisible();
    await expect(organizations.row("UN")).toHaveCount(0);
    await expect(fao).toContainText("Zemkopības ministrija");
    await expect(fao).toContainText("€");

    await fao.getByRole("link", { name: "FAO", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "FAO" })).toBeVisible();
    await organizations.showTab("responsibilities");
    await expect(page.getByRole("row").filter({ hasText: "Zemkopības ministrija" }).filter({ hasText: "Vadošā" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Mainīt atbildību atbildības matricā" })).toHaveAttribute("href", "/organizations/responsibilities");
    await organizations.showTab("missions");
    await expect(page.getByRole("rowheader").getByRole("link", { name: /FAO/ })).toBeVisible();
    await organizations.showTab("contributions");
    await expect(page.getByRole("img", { name: /Iemaksu kopsumma EUR pa gadiem, \d{4}–\d{4}: mazākā .*€/ })).toBeVisible();
    await expect(page.getByRole("table", { name: /pa gadiem/ }).getByRole("rowheader").first()).toHaveText(/^\d{4}$/);
  });
});

test.describe("organizations: two people editing one organization", () => {
  test.use({ storageState: storageState("editor") });

  test("the second save shows the conflict with the other's value, and the first value survives", async ({ page, newContext }) => {
    const first = new OrganizationsPage(page);
    const id = await first.create(newOrganization());
    const otherPage = await (await newContext({ role: "editor" })).newPage();
    const second = new OrganizationsPage(otherPage);
    await second.record(id);

    await first.fill({ hqCity: "Pirmā pilsēta" });
    await first.save();
    await second.fill({ hqCity: "Otrā pilsēta" });
    await otherPage.getByRole("button", { name: "Saglabāt" }).click();
    const alert = otherPage.locator("main").getByRole("alert");
    await expect(alert).toContainText(second.l.conflict);
    await expect(alert).toContainText("Mītnes pilsēta: Pirmā pilsēta");
    // The second person's typing is still in the field until they choose to load the saved version.
    await expect(second.field("hqCity")).toHaveValue("Otrā pilsēta");

    await otherPage.reload();
    await expect(second.field("hqCity")).toHaveValue("Pirmā pilsēta");
    await first.open(id, "history");
    await expect(first.historyRows("Mītnes pilsēta", "Pirmā pilsēta")).toHaveCount(1);
    await expect(first.historyRows("Mītnes pilsēta", "Otrā pilsēta")).toHaveCount(0);
  });
});

test.describe("organizations for those who may change only some or none", () => {
  test("the viewer sees everything read-only and cannot open the new form", async ({ newContext }) => {
    const page = await (await newContext({ role: "viewer" })).newPage();
    const organizations = new OrganizationsPage(page);
    await organizations.goto();
    await expect(page.getByRole("link", { name: "Jauna organizācija" })).toHaveCount(0);
    await organizations.open(await organizations.idOf("FAO"));
    await expect(page.getByText(organizations.l.readOnly)).toBeVisible();
    await expect(page.getByRole("button", { name: "Saglabāt" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Arhivēt" })).toHaveCount(0);
    expect((await page.goto("/organizations/new"))?.status()).toBe(404);
  });

  test("the ZM editor edits FAO (ZM leads it), not UN, and creates only with ZM as lead", async ({ newContext }) => {
    const page = await (await newContext({ role: "zmEditor" })).newPage();
    const organizations = new OrganizationsPage(page);
    await organizations.open(await organizations.idOf("FAO"));
    await expect(page.getByRole("button", { name: "Saglabāt" })).toBeVisible();
    await organizations.open(await organizations.idOf("UN"));
    await expect(page.getByText(organizations.l.readOnly)).toBeVisible();
    await expect(page.getByRole("button", { name: "Saglabāt" })).toHaveCount(0);

    await page.goto("/organizations/new");
    const lead = organizations.field("lead");
    await expect(lead.locator("option")).toHaveText(["Zemkopības ministrija"]);
    const organization = { ...newOrganization(), lead: "Zemkopības ministrija" };
    await organizations.create(organization);
    await expect(page.getByRole("button", { name: "Saglabāt" })).toBeVisible();
  });
});

test.describe("organizations: accessibility", () => {
  // axe on every page and tab of a record, after making it through the UI: slow on a busy machine.
  test.slow();
  test.use({ storageState: storageState("admin") });

  for (const locale of ["lv", "en"] as const) {
    test(`axe on the list, the new form and every tab of an organization (${locale})`, async ({ page, baseURL, newContext }) => {
      // An organization with a change in its history, made in Latvian by another admin page.
      const setup = new OrganizationsPage(await (await newContext({ role: "admin" })).newPage());
      const id = await setup.create(newOrganization());
      await setup.fill({ hqCity: "Viļņa" });
      await setup.save();
      const fao = await setup.idOf("FAO");

      await useLocale(page, locale, baseURL!);
      const organizations = new OrganizationsPage(page, locale);
      for (const path of ["/organizations", "/organizations?status=all&sort=total.desc", "/organizations/new"]) {
        await page.goto(path);
        await expect(page.locator("main h1")).toBeVisible();
        expect(await axeViolations(page), path).toEqual([]);
      }
      for (const tab of ["details", "responsibilities", "missions", "contributions", "history"] satisfies OrganizationTab[]) {
        await organizations.open(id, tab);
        await expect(page.locator("main h1")).toBeVisible();
        expect(await axeViolations(page), `/organizations/${id}?tab=${tab}`).toEqual([]);
      }
      for (const tab of ["missions", "contributions"] satisfies OrganizationTab[]) {
        await organizations.open(fao, tab);
        expect(await axeViolations(page), `/organizations/${fao}?tab=${tab}`).toEqual([]);
      }
    });
  }
});
