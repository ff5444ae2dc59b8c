import { expect, storageState, test } from "./fixtures";
import { axeViolations as violations } from "./support/axe";

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
      for (const path of ["/", "/admin/users", "/admin/users/new", "/admin/users/1?tab=history", "/admin/audit", "/account", "/reports", "/reports?view=years", "/import"]) {
        test(path, async ({ page }) => {
          await page.goto(path);
          await expect(page.locator("main h1")).toBeVisible();
          expect(await violations(page)).toEqual([]);
        });
      }
    });
  });
}
