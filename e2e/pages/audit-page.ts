import { expect, type Page } from "@playwright/test";

/** /admin/audit: the log of every change, as an admin filters it. */
export class AuditPage {
  constructor(private readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/admin/audit${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Izmaiņu žurnāls" })).toBeVisible();
  }

  table() {
    return this.page.getByRole("table", { name: "Izmaiņu žurnāls" });
  }

  rows() {
    return this.table().locator("tbody tr");
  }

  /** The "N ieraksti" line: settles once the server has answered the latest URL. */
  async expectCount(text: string | RegExp) {
    await expect(this.page.locator("main").getByRole("status").filter({ hasText: /ierakst/ })).toHaveText(text);
  }
}
