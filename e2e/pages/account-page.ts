import { expect, type Page } from "@playwright/test";

/** /account: the profile and the password change (also the forced first change of a one-time password). */
export class AccountPage {
  constructor(private readonly page: Page) {}

  /** The notice shown while the account still has its one-time password. */
  oneTimeNotice() {
    return this.page.getByRole("alert").filter({ hasText: "Jums ir vienreizēja parole." });
  }

  /** The forced first change of a one-time password; lands on the dashboard. */
  async replaceOneTimePassword(oneTime: string, chosen: string) {
    await expect(this.page).toHaveURL(/\/account$/);
    await expect(this.oneTimeNotice()).toBeVisible();
    await this.page.getByLabel("Vienreizējā parole").fill(oneTime);
    await this.page.getByLabel("Jaunā parole", { exact: true }).fill(chosen);
    await this.page.getByLabel("Jaunā parole vēlreiz").fill(chosen);
    await this.page.getByRole("button", { name: "Mainīt paroli" }).click();
    await expect(this.page).toHaveURL(/\/$/);
    await expect(this.page.getByRole("heading", { level: 1, name: "Pārskats" })).toBeVisible();
  }

  /** The profile form's version once hydrated: what updateProfile must be given. */
  async profileVersion(): Promise<number> {
    await this.page.goto("/account");
    const version = this.page.locator('form input[name="version"]');
    await expect(version).toHaveValue(/^\d+$/);
    return Number(await version.inputValue());
  }
}
