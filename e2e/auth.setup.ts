import { accounts, demoPassword, expect, signIn, storageState, test, type Role } from "./fixtures";

for (const role of Object.keys(accounts) as Role[]) {
  test(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, accounts[role].email, demoPassword());
    await expect(page.getByRole("group", { name: "Lietotāja izvēlne" })).toContainText(accounts[role].name);
    await page.context().storageState({ path: storageState(role) });
  });
}
