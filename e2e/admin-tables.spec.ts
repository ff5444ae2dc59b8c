import { storageState } from "./fixtures";
import { AuditPage } from "./pages/audit-page";
import { UsersPage } from "./pages/users-page";
import { axeViolations } from "./support/axe";
import { expect, test, unique } from "./support/test";

/** The generic data table (components/data-table) as people use it, on the users list and the audit log. */
test.use({ storageState: storageState("admin") });

test("sort, filter and search run on the server, live in the URL and survive reload and Back", async ({ page }) => {
  const users = new UsersPage(page);
  await users.goto();
  const table = page.getByRole("table", { name: "Lietotāju saraksts" });
  const emails = () => table.locator("tbody tr td:nth-child(2)").allInnerTexts();

  // Keyboard only: focus the e-mail header's sort button and press Enter.
  await table.getByRole("button", { name: /^E-pasts/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]sort=email(&|$)/);
  await expect(table.getByRole("columnheader", { name: /E-pasts/ })).toHaveAttribute("aria-sort", "ascending");
  const ascending = ["admin@iemaksas.example", "redaktors@iemaksas.example", "skatitajs@iemaksas.example", "zm.redaktors@iemaksas.example"];
  // The rows follow once the server has answered; the URL and aria-sort change at once.
  await expect.poll(async () => (await emails()).filter((email) => ascending.includes(email))).toEqual(ascending);

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=email\.desc/);
  await expect(table.getByRole("columnheader", { name: /E-pasts/ })).toHaveAttribute("aria-sort", "descending");
  await expect.poll(async () => (await emails()).filter((email) => ascending.includes(email))).toEqual([...ascending].reverse());

  await page.getByLabel("Loma").selectOption({ label: "Redaktors" });
  await expect(page).toHaveURL(/role=editor/);
  await expect(page.locator("main").getByRole("status").filter({ hasText: /ierakst/ })).toHaveText(/^\d+ ierakst[si]$/);
  await expect.poll(async () => (await table.locator("tbody tr td:nth-child(3)").allInnerTexts()).every((role) => role === "Redaktors")).toBe(true);

  await page.getByLabel("Meklēt vārdu vai e-pastu").fill("zm.redaktors");
  await expect(page).toHaveURL(/q=zm\.redaktors/);
  await expect.poll(emails).toEqual(["zm.redaktors@iemaksas.example"]);

  await page.reload();
  await expect(page.getByLabel("Meklēt vārdu vai e-pastu")).toHaveValue("zm.redaktors");
  await expect(page.getByLabel("Loma")).toHaveValue("editor");
  await expect.poll(emails).toEqual(["zm.redaktors@iemaksas.example"]);

  // Back undoes the last filter step (the search field replaces its own history entry).
  await page.goBack();
  await expect(page).not.toHaveURL(/role=editor/);
  await expect(page.getByLabel("Loma")).toHaveValue("");
  await expect(page).toHaveURL(/sort=email\.desc/);

  await page.getByLabel("Meklēt vārdu vai e-pastu").fill(unique("nav"));
  await expect(table.getByRole("cell", { name: "Neviens ieraksts neatbilst meklētajam." })).toBeVisible();
});

test("a hand-edited URL falls back to defaults instead of failing", async ({ page }) => {
  const response = await page.goto("/admin/users?sort=password_hash.desc&perPage=100000&page=-3&role=root&ministry=1%20or%201=1");
  expect(response?.status()).toBe(200);
  const table = page.getByRole("table", { name: "Lietotāju saraksts" });
  await expect(table.getByRole("columnheader", { name: /Vārds, uzvārds/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.locator("tbody tr")).not.toHaveCount(0);
  await expect(page.getByLabel("Rindas lapā")).toHaveValue("25");
});

test("columns can be hidden from the keyboard and the choice is kept in the URL", async ({ page }) => {
  await new UsersPage(page).goto();
  const table = page.getByRole("table", { name: "Lietotāju saraksts" });
  await page.getByRole("button", { name: "Kolonnas" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("menuitemcheckbox", { name: "E-pasts" }).focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/hide=email/);
  await expect(table.getByRole("columnheader", { name: /E-pasts/ })).toHaveCount(0);
  await page.reload();
  await expect(table.getByRole("columnheader", { name: /E-pasts/ })).toHaveCount(0);
});

test("a user's History tab and the audit log show who changed which field, before → after", async ({ page, freshUser }) => {
  const person = await freshUser({ signIn: false });
  const users = new UsersPage(page);
  await users.open(person.id);
  const newName = `Pārdēvēts ${unique("n")}`;
  await users.rename(newName);

  await page.getByRole("tab", { name: "Vēsture" }).click();
  await expect(page).toHaveURL(/tab=history/);
  const change = page.getByTestId("history-row").filter({ hasText: newName });
  await expect(change).toContainText("Demo administrators");
  await expect(change).toContainText("Labots");
  await expect(change).toContainText("Vārds, uzvārds");
  await expect(change).toContainText(`E2E ${person.email.split("@")[0]}`);

  await page.getByRole("link", { name: "Visas izmaiņas izmaiņu žurnālā" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/audit\\?entity=users&record=${person.id}`));
  const audit = new AuditPage(page);
  await audit.expectCount(/^[2-9] ieraksti$/);
  await expect(audit.rows().filter({ hasText: newName })).toContainText(`Lietotāji #${person.id}`);
});

test("the audit log filters by record type and user, and opens the record", async ({ page, freshUser }) => {
  const person = await freshUser({ signIn: false });
  const audit = new AuditPage(page);
  await audit.goto();
  await page.getByLabel("Ieraksta veids").selectOption({ label: "Datubāze" });
  await expect(page).toHaveURL(/entity=database/);
  await expect(audit.rows().first()).toContainText("Sākotnējie dati");
  await audit.expectCount(/^\d+ ierakst[si]$/);
  await page.getByLabel("Ieraksta veids").selectOption({ label: "Lietotāji" });
  await page.getByLabel("Lietotājs", { exact: true }).selectOption({ label: "Demo administrators" });
  await expect(page).toHaveURL(/entity=users&user=\d+/);
  const created = audit.rows().filter({ hasText: person.email });
  await expect(created).toContainText("Izveidots");
  await created.getByRole("link", { name: `Lietotāji #${person.id}` }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/users/${person.id}$`));
});

for (const locale of ["lv", "en"] as const) {
  test(`axe: users list with filters and the audit log (${locale})`, async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
    for (const path of ["/admin/users?role=editor&sort=email.desc", "/admin/audit?entity=users", "/admin/users/1?tab=history"]) {
      await page.goto(path);
      await expect(page.locator("main h1")).toBeVisible();
      expect(await axeViolations(page), path).toEqual([]);
    }
  });
}
