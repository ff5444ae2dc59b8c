import { expect, type Locator, type Page } from "@playwright/test";

export type CellRole = "lead" | "co_responsible" | "paying" | "none";

const WORDS = {
  lv: { title: "Atbildības matrica", search: "Meklēt organizāciju", ministry: "Ministrija", role: "Loma" },
  en: { title: "Responsibility matrix", search: "Search organizations", ministry: "Ministry", role: "Role" },
} as const;

export const ROLE_NAMES = {
  lv: { lead: "Vadošā", co_responsible: "Līdzatbildīgā", paying: "Maksātāja", none: "Nav lomas" },
  en: { lead: "Lead", co_responsible: "Co-responsible", paying: "Paying", none: "No role" },
} as const satisfies Record<string, Record<CellRole, string>>;

/** What an action on one cell must be given, as the matrix shows it. */
export interface CellRecord {
  organizationId: number;
  ministryId: number;
  role: CellRole;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** /organizations/responsibilities: the grid addressed by organization acronym and ministry name. */
export class ResponsibilitiesPage {
  constructor(
    private readonly page: Page,
    private readonly locale: "lv" | "en" = "lv",
  ) {}

  get words() {
    return WORDS[this.locale];
  }

  async goto(query = "") {
    await this.page.goto(`/organizations/responsibilities${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: this.words.title })).toBeVisible();
    await expect(this.grid).toBeVisible();
  }

  get grid(): Locator {
    return this.page.getByRole("grid");
  }

  /** The announcement of the last change (polite) and of a refusal (alert), inside the page's main. */
  get status(): Locator {
    return this.page.locator("main").getByRole("status").filter({ hasNotText: /^\s*$/ }).last();
  }

  get alert(): Locator {
    return this.page.locator("main").getByRole("alert");
  }

  row(acronym: string): Locator {
    return this.grid.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: new RegExp(`^${escapeRegExp(acronym)}\\s`) }) });
  }

  rowLink(acronym: string): Locator {
    return this.row(acronym).getByRole("link", { name: acronym, exact: true });
  }

  /** 0-based position of a ministry's column among the ministry columns. */
  async columnIndex(ministry: string): Promise<number> {
    const texts = await this.grid.getByRole("columnheader").evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ""));
    const index = texts.findIndex((text) => text.includes(ministry));
    if (index < 1) throw new Error(`no column for ${ministry}`);
    return index - 1;
  }

  async cell(acronym: string, ministry: string): Promise<Locator> {
    return this.row(acronym).getByRole("gridcell").nth(await this.columnIndex(ministry));
  }

  /** The element that takes focus in a cell: its menu button when editable, else the cell itself. */
  async cellControl(acronym: string, ministry: string): Promise<Locator> {
    const cell = await this.cell(acronym, ministry);
    return (await cell.getByRole("button").count()) ? cell.getByRole("button") : cell;
  }

  async expectRole(acronym: string, ministry: string, role: CellRole) {
    await expect(await this.cell(acronym, ministry)).toHaveAccessibleName(ROLE_NAMES[this.locale][role]);
  }

  async roleOf(acronym: string, ministry: string): Promise<CellRole> {
    const cell = await this.cell(acronym, ministry);
    const text = (await cell.textContent()) ?? "";
    const names = ROLE_NAMES[this.locale];
    const found = (Object.keys(names) as CellRole[]).find((role) => text.includes(names[role]));
    if (!found) throw new Error(`cell ${acronym} × ${ministry} shows "${text}"`);
    return found;
  }

  /** With the mouse: opens the cell's menu and picks a role. */
  async pick(acronym: string, ministry: string, role: CellRole) {
    await (await this.cell(acronym, ministry)).getByRole("button").click();
    await this.page.getByRole("menuitemradio", { name: ROLE_NAMES[this.locale][role], exact: true }).click();
  }

  async filterByMinistry(ministry: string) {
    await this.page.getByLabel(this.words.ministry, { exact: true }).selectOption({ label: ministry });
  }

  async search(text: string) {
    await this.page.getByLabel(this.words.search).fill(text);
  }

  /** Ids and the shown role of a cell, as a caller of the action must send them (read as the admin would). */
  async record(acronym: string, ministry: string): Promise<CellRecord> {
    await this.goto(`?q=${encodeURIComponent(acronym)}`);
    const href = await this.rowLink(acronym).getAttribute("href");
    const organizationId = Number(href?.split("/").pop());
    const option = this.page.getByLabel(this.words.ministry, { exact: true }).locator("option", { hasText: ministry });
    const ministryId = Number(await option.getAttribute("value"));
    if (!(organizationId > 0) || !(ministryId > 0)) throw new Error(`no ids for ${acronym} × ${ministry}`);
    return { organizationId, ministryId, role: await this.roleOf(acronym, ministry) };
  }
}
