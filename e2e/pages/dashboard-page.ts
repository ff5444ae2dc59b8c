import type { Locator, Page } from "@playwright/test";

/** The dashboard as a user sees it: headings, figures by their label, the language switch. */
export class DashboardPage {
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.main = page.locator("main");
  }

  async goto() {
    await this.page.goto("/");
  }

  heading(name: string | RegExp) {
    return this.main.getByRole("heading", { level: 1, name });
  }

  /** The value (<dd>) shown for a figure labelled `label` (<dt>). */
  figure(label: string) {
    return this.main.locator("dt").getByText(label, { exact: true }).locator("xpath=following-sibling::dd[1]");
  }

  languageButton(name: "Latviešu" | "English") {
    return this.page.getByRole("group", { name: /Valoda|Language/ }).getByRole("button", { name });
  }
}
