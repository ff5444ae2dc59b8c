import { expect, type Locator, type Page } from "@playwright/test";
import { OrganizationsPage } from "./organizations-page";
import { unique } from "../support/test";

/** The grid's columns in order (app/(app)/contributions/_components/grid-columns.ts). */
export const COLUMNS = [
  "organization",
  "kind",
  "payingMinistryId",
  "budgetProgrammeId",
  "currency",
  "amount",
  "rate",
  "amountEur",
  "plannedEur",
  "paidEur",
  "outstandingEur",
  "dueDate",
  "status",
  "cabinetOrder",
  "actions",
] as const;
export type Column = (typeof COLUMNS)[number];

export interface LineRecord {
  id: number;
  version: number;
}

/** The year grid as a person uses it: the toolbar, the "add" dialog and the cells. */
export class ContributionsPage {
  constructor(readonly page: Page) {}

  async goto(query: Record<string, string | number> = {}) {
    const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    await this.page.goto(`/contributions${search.size ? `?${search}` : ""}`);
    await expect(this.grid()).toBeVisible();
  }

  grid(): Locator {
    return this.page.getByRole("grid");
  }

  rows(): Locator {
    return this.page.getByTestId("grid-row");
  }

  row(index: number): Locator {
    return this.rows().nth(index);
  }

  cell(rowIndex: number, column: Column): Locator {
    return this.row(rowIndex).locator(`[data-field="${column}"]`);
  }

  total(column: Column): Locator {
    return this.page.getByTestId("total-row").locator(`[data-field="${column}"]`);
  }

  status(): Locator {
    return this.page.getByTestId("grid-status");
  }

  alert(): Locator {
    return this.page.getByTestId("grid-alert");
  }

  /** Id and version of a line, as the grid holds them. */
  async record(rowIndex: number): Promise<LineRecord> {
    const row = this.row(rowIndex);
    return { id: Number(await row.getAttribute("data-id")), version: Number(await row.getAttribute("data-version")) };
  }

  /** Makes a cell the active one with the mouse, as a user clicking into the sheet would. */
  async activate(rowIndex: number, column: Column) {
    await this.cell(rowIndex, column).click();
    await expect(this.cell(rowIndex, column)).toBeFocused();
  }

  /** The column of the focused cell. */
  async activeColumn(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.closest("[data-field]")?.getAttribute("data-field") ?? null);
  }

  /** Pastes text as the clipboard of a spreadsheet would deliver it (tab-separated, one line per row). */
  async paste(text: string) {
    await this.page.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.setData("text/plain", data);
      document.activeElement?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, text);
  }

  /** Adds a line through the "add" dialog; the organization is chosen by its acronym. */
  async addLine(line: { acronym: string; kind?: string; ministry?: string; currency?: string }) {
    const before = await this.rows().count();
    await this.page.getByRole("button", { name: /Pievienot iemaksu|Add contribution/ }).click();
    const dialog = this.page.getByRole("dialog");
    const organization = dialog.getByLabel(/^(Organizācija|Organization)$/);
    const option = organization.locator("option", { hasText: `${line.acronym} — ` });
    await organization.selectOption((await option.getAttribute("value"))!);
    if (line.kind) await dialog.getByLabel(/^(Veids|Kind)$/).selectOption({ label: line.kind });
    if (line.ministry) await dialog.getByLabel(/^(Maksātāja ministrija|Paying ministry)$/).selectOption({ label: line.ministry });
    if (line.currency) {
      const currency = dialog.getByLabel(/^(Valūta|Currency)$/);
      await currency.selectOption((await currency.locator("option", { hasText: `${line.currency} — ` }).getAttribute("value"))!);
    }
    await dialog.getByRole("button", { name: /^(Pievienot|Add)$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(this.rows()).toHaveCount(before + 1);
  }

  /** A new organization (led and paid by the given ministry) so a test's lines are its own. */
  static async newOrganization(adminPage: Page, lead = "Ārlietu ministrija"): Promise<{ id: number; acronym: string }> {
    const acronym = unique("C").toUpperCase();
    const id = await new OrganizationsPage(adminPage).create({
      acronym,
      nameLv: `Iemaksu tests ${acronym}`,
      nameEn: `Contributions test ${acronym}`,
      lead,
    });
    return { id, acronym };
  }
}
