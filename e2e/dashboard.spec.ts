import { expect, storageState, test } from "./fixtures";
import { DashboardPage } from "./pages/dashboard-page";

test.describe("dashboard", () => {
  test.use({ storageState: storageState("admin") });

  test("shows the seeded register in Latvian by default", async ({ page }) => {
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    await expect(page.locator("html")).toHaveAttribute("lang", "lv");
    await expect(dashboard.heading("Pārskats")).toBeVisible();
    await expect(dashboard.figure("Organizācijas un fondi")).toHaveText("28");
    await expect(dashboard.figure("Pastāvīgās pārstāvniecības")).toHaveText("10");
    await expect(dashboard.figure("Ministrijas")).toHaveText("14");
    // Money in the Latvian form: grouped with spaces, decimal comma, euro sign after.
    await expect(dashboard.figure("Aprēķināts")).toHaveText(/^\d{1,3}(\s\d{3})+,\d{2}\s€$/);
    await expect(page.getByRole("table")).toContainText("Ārlietu ministrija");
    await expect(page.getByRole("navigation", { name: "Galvenā navigācija" })).toBeVisible();
  });

  test("switches to English and stays English", async ({ page }) => {
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    await dashboard.languageButton("English").click();
    await expect(dashboard.heading("Dashboard")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(dashboard.figure("Organizations and funds")).toHaveText("28");
    await expect(dashboard.figure("Assessed")).toHaveText(/^€\d{1,3}(,\d{3})+\.\d{2}$/);
    await expect(page.getByRole("table")).toContainText("Ministry of Foreign Affairs");

    await page.reload();
    await expect(dashboard.heading("Dashboard")).toBeVisible();
    await dashboard.languageButton("Latviešu").click();
    await expect(dashboard.heading("Pārskats")).toBeVisible();
  });

  test("can be used with the keyboard alone", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Pāriet uz saturu" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });
});

test("health reports the database as reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});

test("pages carry the baseline security headers and no X-Powered-By", async ({ request }) => {
  for (const path of ["/login", "/api/health"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});
