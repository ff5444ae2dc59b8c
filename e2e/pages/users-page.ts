import { expect, type Page } from "@playwright/test";

export type RoleLabel = "Administrators" | "Redaktors" | "Skatītājs";

/** What the edit form of /admin/users/<id> holds: what an action on that user must be given. */
export interface UserRecord {
  id: number;
  version: number;
  name: string;
}

/** /admin/users and its forms, as an admin uses them. */
export class UsersPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/admin/users");
    await expect(this.page.getByRole("heading", { level: 1, name: "Lietotāji" })).toBeVisible();
  }

  /** The list's row of one account (its e-mail is shown in a cell). */
  row(email: string) {
    return this.page.getByRole("row").filter({ has: this.page.getByRole("cell", { name: email, exact: true }) });
  }

  /** Creates an account through the form; returns its id from the page it lands on. */
  async create(user: { name: string; email: string; role: RoleLabel; ministry?: string; password: string }) {
    await this.page.goto("/admin/users/new");
    await this.page.getByLabel("Vārds, uzvārds").fill(user.name);
    await this.page.getByLabel("E-pasts").fill(user.email);
    await this.page.getByLabel("Loma").selectOption({ label: user.role });
    if (user.ministry) await this.page.getByLabel("Ministrija").selectOption({ label: user.ministry });
    await this.page.getByLabel("Vienreizēja parole").fill(user.password);
    await this.page.getByRole("button", { name: "Izveidot lietotāju" }).click();
    await expect(this.page).toHaveURL(/\/admin\/users\/\d+$/);
    await expect(this.page.getByRole("heading", { level: 1, name: user.name })).toBeVisible();
    return Number(new URL(this.page.url()).pathname.split("/").pop());
  }

  async idOf(email: string): Promise<number> {
    await this.goto();
    const href = await this.row(email).getByRole("link").getAttribute("href");
    const id = Number(href?.split("/").pop());
    if (!Number.isInteger(id) || id <= 0) throw new Error(`no user ${email} in the list`);
    return id;
  }

  async open(id: number) {
    await this.page.goto(`/admin/users/${id}`);
    await expect(this.page.getByRole("heading", { level: 2, name: "Piekļuve" })).toBeVisible();
  }

  /** id, version and name as the edit form holds them once it has hydrated. */
  async record(id: number): Promise<UserRecord> {
    await this.open(id);
    const version = this.page.locator('form input[name="version"]').first();
    await expect(version).toHaveValue(/^\d+$/);
    // The form is filled once hydrated; on a slow machine an early read got an empty name.
    const name = this.page.getByLabel("Vārds, uzvārds");
    await expect(name).not.toHaveValue("");
    return { id, version: Number(await version.inputValue()), name: await name.inputValue() };
  }

  async rename(name: string) {
    await this.page.getByLabel("Vārds, uzvārds").fill(name);
    await this.page.getByRole("button", { name: "Saglabāt" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: "Izmaiņas saglabātas." })).toBeVisible();
    await expect(this.page.getByRole("heading", { level: 1, name })).toBeVisible();
  }

  async disable() {
    await this.page.getByRole("button", { name: "Atspējot kontu" }).click();
    await expect(this.page.getByRole("button", { name: "Iespējot kontu" })).toBeVisible();
  }

  async enable() {
    await this.page.getByRole("button", { name: "Iespējot kontu" }).click();
    await expect(this.page.getByRole("button", { name: "Atspējot kontu" })).toBeVisible();
  }

  async resetPassword(password: string) {
    const version = this.page.locator('form input[name="version"]').first();
    const before = await version.inputValue();
    await this.page.getByLabel("Vienreizēja parole").fill(password);
    await this.page.getByRole("button", { name: "Atiestatīt paroli" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: "Parole atiestatīta." })).toBeVisible();
    // The page's other forms post the version they were rendered with until router.refresh() lands; a
    // click before then gets a (false) conflict. The edit form's version moving on shows that it has.
    await expect(version).not.toHaveValue(before);
  }
}
