import { expect, type Locator, type Page } from "@playwright/test";

/** The import pages as a person uses them: upload, the column mapping, the dry run's groups and rows, apply. */
export class ImportPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/import");
    await expect(this.page.locator("main h1")).toHaveText("Imports");
  }

  /** Uploads a file through the labelled input and waits for its own page. */
  async upload(file: { name: string; mimeType: string; buffer: Buffer }): Promise<number> {
    await this.page.getByLabel("Fails (XLSX vai CSV)").setInputFiles(file);
    await this.page.getByRole("button", { name: "Augšupielādēt failu" }).click();
    await this.page.waitForURL(/\/import\/\d+$/);
    await expect(this.page.locator("main h1")).toHaveText(file.name);
    return Number(new URL(this.page.url()).pathname.split("/").pop());
  }

  /** The select of an import field, by its label. */
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  dryRunButton(): Locator {
    return this.page.getByRole("button", { name: "Pārbaudīt (bez saglabāšanas)" });
  }

  groups(): Locator {
    return this.page.getByRole("navigation", { name: "Rindu grupas" });
  }

  /** A group's link; its text ends with the count. */
  group(rowClass: "new" | "changed" | "unchanged" | "error" | "skipped"): Locator {
    return this.groups().locator(`a[data-class="${rowClass}"]`);
  }

  rows(): Locator {
    return this.page.getByTestId("plan-rows").locator("tbody tr");
  }

  row(line: number): Locator {
    return this.page.getByTestId("plan-rows").locator(`tbody tr[data-line="${line}"]`);
  }

  applyButton(): Locator {
    return this.page.getByRole("button", { name: /^Piemērot: / });
  }

  applied(): Locator {
    return this.page.getByTestId("import-applied");
  }
}
