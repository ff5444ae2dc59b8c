import { expect, type Locator, type Page } from "@playwright/test";

export type BudgetField = "plannedEur" | "assessedEur" | "paidEur" | "outstandingEur";

/** The report page as a reader uses it: the view links, the filters, the table and its total row. */
export class ReportsPage {
  constructor(readonly page: Page) {}

  async goto(query: Record<string, string | number> = {}) {
    const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    await this.page.goto(`/reports${search.size ? `?${search}` : ""}`);
    await expect(this.page.locator("main h1")).toBeVisible();
  }

  views(): Locator {
    return this.page.getByRole("navigation", { name: "Atskaite" });
  }

  view(name: string): Locator {
    return this.views().getByRole("link", { name });
  }

  currentView(): Locator {
    return this.views().locator('[aria-current="page"]');
  }

  table(caption: string | RegExp): Locator {
    return this.page.getByRole("table", { name: caption });
  }

  /** Body rows only (not subtotals or the total). */
  rows(): Locator {
    return this.page.locator('tbody tr[data-level="row"]');
  }

  total(field: BudgetField): Locator {
    return this.page.getByTestId("report-total").locator(`[data-field="${field}"]`);
  }

  filter(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  download(name: string): Locator {
    return this.page.getByRole("link", { name, exact: true });
  }
}
