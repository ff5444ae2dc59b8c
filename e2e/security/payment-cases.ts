import { expect, type Page } from "@playwright/test";
import { MinistriesPage } from "../pages/ministries-page";
import { OrganizationsPage } from "../pages/organizations-page";
import { actionId, callAction } from "../support/actions";
import type { ActionCases } from "./cases";

/**
 * Payments belong to their contribution's paying ministry. The target is made once per worker by the
 * admin (a contribution of Ārlietu ministrija, so out of the ZM editor's scope, with one EUR payment) and
 * read back from its detail page, so that a payload that "would succeed" never aims at the demo lines
 * other specs read; the attacks themselves must change nothing, so the target stays as it was.
 */
const ACTIONS = "app/(app)/contributions/payments/actions.ts";
const CREATE_CONTRIBUTION = "app/(app)/contributions/actions.ts#createContribution";
// A year no other spec reads (contribution-cases.ts uses 2033), so the target moves no total they check.
const YEAR = 2034;

interface Target {
  contributionId: number;
  payment: { id: number; version: number };
}

let made: Target | undefined;

/** The instalments as the detail page lists them (each row carries its id and version). */
async function paymentsOnPage(adminPage: Page, contributionId: number): Promise<{ id: number; version: number }[]> {
  await adminPage.goto(`/contributions/${contributionId}`);
  const rows = adminPage.getByTestId("payments-table").locator("tbody tr[data-payment-id]");
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((trs) => trs.map((tr) => ({ id: Number(tr.getAttribute("data-payment-id")), version: Number(tr.getAttribute("data-version")) })));
}

async function target(adminPage: Page): Promise<Target> {
  if (made) return made;
  const [organizationId, ministryId] = [await new OrganizationsPage(adminPage).idOf("OSCE"), await new MinistriesPage(adminPage).idOf("am")];
  const created = await callAction(adminPage.request, actionId(CREATE_CONTRIBUTION), [
    { year: YEAR, organizationId: String(organizationId), kind: "voluntary", payingMinistryId: String(ministryId), budgetProgrammeId: "", currency: "EUR" },
  ]);
  const contributionId = Number(/"row":\{"id":(\d+)/.exec(created.body)?.[1]);
  if (!Number.isInteger(contributionId) || contributionId <= 0) throw new Error(`createContribution did not answer with a row: ${created.body.slice(0, 300)}`);
  const added = await callAction(adminPage.request, actionId(`${ACTIONS}#addPayment`), [
    { contributionId, paidOn: `${YEAR}-01-15`, amount: "1 000,00", currency: "EUR", notes: "", locale: "lv" },
  ]);
  expect(added.body, "the admin's payment is saved").toContain('"ok":true');
  const [payment] = await paymentsOnPage(adminPage, contributionId);
  made = { contributionId, payment: payment! };
  return made;
}

const fields = () => ({ paidOn: `${YEAR}-02-01`, amount: "123,45", currency: "EUR", notes: "Uzbrucēja maksājums", locale: "lv" });

const editors = (args: (adminPage: Page) => Promise<unknown>) => ({
  anonymous: "unauthorized" as const,
  callers: "editors" as const,
  args: async ({ adminPage }: { adminPage: Page }) => [await args(adminPage)],
  outOfScope: async ({ adminPage }: { adminPage: Page }) => [await args(adminPage)],
});

export const paymentActionCases: ActionCases = {
  // A read, for every signed-in role; the ZM editor's "not found" for another ministry's line is in tests/db/payments.test.ts.
  [`${ACTIONS}#loadContributionPayments`]: {
    anonymous: "unauthorized",
    callers: "everyone",
    args: async ({ adminPage }) => [{ contributionId: (await target(adminPage)).contributionId }],
  },
  [`${ACTIONS}#addPayment`]: editors(async (adminPage) => ({ contributionId: (await target(adminPage)).contributionId, ...fields() })),
  [`${ACTIONS}#updatePayment`]: editors(async (adminPage) => ({ ...(await target(adminPage)).payment, ...fields() })),
  [`${ACTIONS}#deletePayment`]: editors(async (adminPage) => (await target(adminPage)).payment),
};
