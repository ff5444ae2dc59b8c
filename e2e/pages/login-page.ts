import { expect, type Page } from "@playwright/test";

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl === undefined ? "/login" : `/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await this.expectHere();
  }

  /**
   * Fills and submits the form, and waits for the server action's answer: after a failure the alert's
   * text stays the same, so waiting for the text alone would not tell one attempt from the next.
   */
  async signIn(email: string, password: string) {
    await this.page.getByLabel("E-pasts").fill(email);
    await this.page.getByLabel("Parole").fill(password);
    const answered = this.page.waitForResponse((r) => r.request().method() === "POST" && !!r.request().headers()["next-action"]);
    await this.page.getByRole("button", { name: "Pieteikties" }).click();
    const answer = await answered;
    // Unless it redirected: wait until React has applied the answer, which also resets the form; typing
    // into it before then would be wiped.
    if (!answer.headers()["x-action-redirect"]) await expect(this.submit()).toBeEnabled();
  }

  submit() {
    return this.page.getByRole("button", { name: "Pieteikties", exact: true });
  }

  /** The hidden field the form posts as the return path (set from ?callbackUrl by the page). */
  callbackField() {
    return this.page.locator('form input[name="callbackUrl"]');
  }

  /** The form's error, scoped to <main>: Next's route announcer is another role="alert". */
  error() {
    return this.page.locator("main").getByRole("alert");
  }

  async expectHere() {
    await expect(this.page).toHaveURL(/\/login(\?|$)/);
    await expect(this.page.getByRole("heading", { level: 1, name: "Pieteikties" })).toBeVisible();
  }
}
