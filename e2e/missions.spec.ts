import type { Page } from "@playwright/test";
import { storageState } from "./fixtures";
import { MissionsPage, type MissionTab, type UiLocale } from "./pages/missions-page";
import { axeViolations } from "./support/axe";
import { expect, test, unique } from "./support/test";

/** A mission of the test's own: unique names, so that parallel tests never meet. */
function newMission(country: string) {
  const tag = unique("misija");
  return { nameLv: `Pārstāvniecība ${tag}`, nameEn: `Mission ${tag}`, city: `Pilsēta ${tag}`, country, head: "Anna Bērziņa", openedOn: "2021-03-01" };
}

async function useLocale(page: Page, locale: UiLocale, baseURL: string) {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
}

/** Create → edit → History shows the edit → archive → the list hides it until "archived" is chosen. */
async function createEditArchive(page: Page, locale: UiLocale) {
  const missions = new MissionsPage(page, locale);
  const l = missions.l;
  const mission = newMission(locale === "en" ? "Estonia" : "Igaunija");
  const id = await missions.create(mission);

  const city = `${mission.city} (jaunā)`;
  await missions.fill({ city });
  await missions.save();
  await expect(page.getByLabel(l.city)).toHaveValue(city);

  await missions.showTab("history");
  await expect(missions.historyRows(l.city, mission.city, city)).toHaveCount(1);

  await missions.showTab("details");
  await missions.archive();
  await expect(page.locator("main").getByText(l.archived, { exact: true })).toBeVisible();

  const name = locale === "en" ? mission.nameEn : mission.nameLv;
  await missions.goto();
  await missions.search(mission.nameEn);
  await expect(page.getByText(l.noMatches)).toBeVisible();
  await page.getByLabel(l.status, { exact: true }).selectOption({ label: l.statusArchived });
  await expect(missions.row(name)).toBeVisible();
  await expect(missions.row(name)).toContainText(city);
  await expect(missions.row(name).getByRole("link")).toHaveAttribute("href", `/missions/${id}`);
}

test.describe("missions as the editor of all ministries", () => {
  test.use({ storageState: storageState("editor") });

  test("create, edit and archive a mission (Latvian)", async ({ page }) => {
    await createEditArchive(page, "lv");
  });

  test("create, edit and archive a mission (English)", async ({ page, baseURL }) => {
    await useLocale(page, "en", baseURL!);
    await createEditArchive(page, "en");
  });

  test("a validation error appears under its field and nothing is created", async ({ page }) => {
    const missions = new MissionsPage(page);
    const l = missions.l;
    await page.goto("/missions/new");
    await missions.fill({ ...newMission("Vācija"), email: "nav-adrese", openedOn: "2022-05-10", closedOn: "2022-05-01" });
    await page.getByRole("button", { name: l.create }).click();
    const email = page.getByLabel(l.email);
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription(/Ievadiet e-pasta adresi/);
    await expect(page.locator("#field-email-error")).toBeVisible();
    await expect(page.getByLabel(l.closedOn)).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#field-closedOn-error")).toBeVisible();
    await expect(page).toHaveURL(/\/missions\/new$/);

    await email.fill("misija@mfa.gov.lv");
    await page.getByLabel(l.closedOn).fill("2022-06-01");
    await expect(page.locator("#field-email-error")).toHaveCount(0);
    await page.getByRole("button", { name: l.create }).click();
    await expect(page).toHaveURL(/\/missions\/\d+$/);
  });

  test("add and remove an organization and a ministry; History shows each change", async ({ page }) => {
    const missions = new MissionsPage(page);
    const id = await missions.create(newMission("Šveice"));
    await missions.showTab("organizations");
    await missions.addOrganization("OECD");
    await missions.addOrganization("WTO");
    // Offered only while not linked.
    await expect(page.getByLabel("Organizācija", { exact: true }).locator("option", { hasText: /^OECD — / })).toHaveCount(0);
    await missions.removeOrganization("OECD");
    await expect(page.getByRole("rowheader", { name: "WTO", exact: true })).toBeVisible();

    await missions.showTab("ministries");
    await missions.addMinistry("Aizsardzības ministrija", "Aizsardzības atašejs");
    await expect(page.getByRole("row").filter({ hasText: "Aizsardzības atašejs" })).toBeVisible();

    await missions.showTab("contributions");
    await expect(page.getByTestId("mission-contributions-total")).toHaveText(/€/);

    await missions.open(id, "history");
    await expect(missions.historyRows("Pievienota organizācija", "Aptvertās organizācijas", "OECD, WTO")).toHaveCount(1);
    await expect(missions.historyRows("Noņemta organizācija", "Aptvertās organizācijas", "OECD, WTO")).toHaveCount(1);
    await expect(missions.historyRows("Pievienota ministrija", "Nozaru ministrijas", "Aizsardzības ministrija")).toHaveCount(1);
    await expect(missions.historyRows("Pievienota ministrija", "Piezīme par ministriju", "Aizsardzības atašejs")).toHaveCount(1);
  });
});

test.describe("missions: two people editing one mission", () => {
  test.use({ storageState: storageState("editor") });

  test("the second save shows the conflict with the other's value, and the first value survives", async ({ page, newContext }) => {
    const first = new MissionsPage(page);
    const mission = newMission("Vācija");
    const id = await first.create(mission);
    const otherPage = await (await newContext({ role: "editor" })).newPage();
    const second = new MissionsPage(otherPage);
    await second.record(id);

    await first.fill({ city: "Pirmā pilsēta" });
    await first.save();
    await second.fill({ city: "Otrā pilsēta" });
    await otherPage.getByRole("button", { name: "Saglabāt" }).click();
    const alert = otherPage.locator("main").getByRole("alert");
    await expect(alert).toContainText("kāds cits saglabāja izmaiņas");
    await expect(alert).toContainText("Pilsēta: Pirmā pilsēta");
    await alert.getByRole("button", { name: "Ielādēt saglabāto versiju" }).click();
    await expect(otherPage.getByLabel("Pilsēta")).toHaveValue("Pirmā pilsēta");

    await first.open(id);
    await expect(page.getByLabel("Pilsēta")).toHaveValue("Pirmā pilsēta");
    await first.showTab("history");
    await expect(first.historyRows("Pilsēta", "Otrā pilsēta")).toHaveCount(0);
  });
});

test.describe("missions for those who may not change them", () => {
  for (const role of ["viewer", "zmEditor"] as const) {
    test(`${role}: the list and the record are read-only`, async ({ newContext }) => {
      const page = await (await newContext({ role })).newPage();
      const missions = new MissionsPage(page);
      await missions.goto();
      await expect(page.getByRole("link", { name: "Jauna pārstāvniecība" })).toHaveCount(0);
      const id = await missions.idOf("Latvijas Republikas pastāvīgā pārstāvniecība ANO Vīnē");
      await missions.open(id);
      await expect(page.getByText("Jums ir tiesības šo ierakstu tikai skatīt.")).toBeVisible();
      await expect(page.getByRole("button", { name: "Saglabāt" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Arhivēt" })).toHaveCount(0);
      await missions.showTab("organizations");
      await expect(page.getByRole("rowheader", { name: "UN", exact: true })).toBeVisible();
      await expect(page.getByRole("button", { name: /^Noņemt/ })).toHaveCount(0);
      expect((await page.goto("/missions/new"))?.status()).toBe(404);
    });
  }
});

test.describe("missions: accessibility", () => {
  // axe on every page and tab of a record, after making it through the UI: slow on a busy machine.
  test.slow();
  test.use({ storageState: storageState("admin") });

  for (const locale of ["lv", "en"] as const) {
    test(`axe on the list, the new form and every tab of a mission (${locale})`, async ({ page, baseURL, newContext }) => {
      // A mission with something in every tab, made in Latvian by another admin page.
      const setup = new MissionsPage(await (await newContext({ role: "admin" })).newPage());
      const id = await setup.create(newMission("Šveice"));
      await setup.showTab("organizations");
      await setup.addOrganization("UN");
      await setup.showTab("ministries");
      await setup.addMinistry("Zemkopības ministrija", "Lauksaimniecības padomnieks");

      await useLocale(page, locale, baseURL!);
      const missions = new MissionsPage(page, locale);
      for (const path of ["/missions", "/missions?status=all&sort=country.desc", "/missions/new"]) {
        await page.goto(path);
        await expect(page.locator("main h1")).toBeVisible();
        expect(await axeViolations(page), path).toEqual([]);
      }
      for (const tab of ["details", "organizations", "ministries", "contributions", "history"] satisfies MissionTab[]) {
        await missions.open(id, tab);
        await expect(page.locator("main h1")).toBeVisible();
        expect(await axeViolations(page), `/missions/${id}?tab=${tab}`).toEqual([]);
      }
    });
  }
});
