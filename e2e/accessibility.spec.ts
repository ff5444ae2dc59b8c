import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, storageState, test } from "./fixtures";

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const locale of ["lv", "en"] as const) {
  test.describe(`axe, ${locale}`, () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
    });

    test("sign-in page", async ({ page }) => {
      await page.goto("/login");
      await expect(page.locator("main h1")).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test.describe("signed in as admin", () => {
      test.use({ storageState: storageState("admin") });
      for (const path of ["/", "/admin/users", "/admin/users/new", "/account"]) {
        test(path, async ({ page }) => {
          await page.goto(path);
          await expect(page.locator("main h1")).toBeVisible();
          expect(await violations(page)).toEqual([]);
        });
      }
    });
  });
}
