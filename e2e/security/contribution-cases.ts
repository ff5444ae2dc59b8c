import type { Page } from "@playwright/test";
import { ContributionsPage, type LineRecord } from "../pages/contributions-page";
import type { ActionCases } from "./cases";

/**
 * Contributions belong to the ministry that pays them. The targets are lines paid by Ārlietu ministrija,
 * so every payload is also out of the ZM editor's scope. They are made through the admin's grid once per
 * worker, in a year no other spec uses; the attacks must change nothing, so a target stays as it was made.
 */
const ACTIONS = "app/(app)/contributions/actions.ts";
const YEAR = 2033;
const PAYER = "Ārlietu ministrija";

const made: { organization?: { id: number; acronym: string }; line?: LineRecord; ministryId?: string } = {};

async function grid(adminPage: Page): Promise<ContributionsPage> {
  made.organization ??= await ContributionsPage.newOrganization(adminPage, PAYER);
  const page = new ContributionsPage(adminPage);
  await page.goto({ year: YEAR, org: made.organization.id });
  return page;
}

/** A planned EUR line without payments paid by Ārlietu ministrija. */
async function line(adminPage: Page): Promise<LineRecord> {
  if (!made.line) {
    const page = await grid(adminPage);
    if ((await page.rows().count()) === 0) await page.addLine({ acronym: made.organization!.acronym, ministry: PAYER, currency: "EUR" });
    made.line = await page.record(0);
  }
  return made.line;
}

async function payerId(adminPage: Page): Promise<string> {
  if (!made.ministryId) {
    const page = await grid(adminPage);
    const value = await page.page.getByLabel("Ministrija", { exact: true }).locator("option", { hasText: PAYER }).getAttribute("value");
    if (!value) throw new Error(`no ${PAYER} in the ministry filter`);
    made.ministryId = value;
  }
  return made.ministryId;
}

const editors = (args: (adminPage: Page) => Promise<unknown>) => ({
  anonymous: "unauthorized" as const,
  callers: "editors" as const,
  args: async ({ adminPage }: { adminPage: Page }) => [await args(adminPage)],
  outOfScope: async ({ adminPage }: { adminPage: Page }) => [await args(adminPage)],
});

export const contributionActionCases: ActionCases = {
  [`${ACTIONS}#saveContributionCells`]: editors(async (adminPage) => {
    const { id, version } = await line(adminPage);
    return { locale: "lv", cells: [{ id, version, field: "plannedEur", value: "123,45" }] };
  }),
  [`${ACTIONS}#createContribution`]: editors(async (adminPage) => {
    await line(adminPage);
    return { year: String(YEAR), organizationId: String(made.organization!.id), kind: "voluntary", payingMinistryId: await payerId(adminPage), budgetProgrammeId: "", currency: "EUR" };
  }),
  [`${ACTIONS}#cancelContribution`]: editors((adminPage) => line(adminPage)),
  [`${ACTIONS}#deleteContribution`]: editors((adminPage) => line(adminPage)),
};
