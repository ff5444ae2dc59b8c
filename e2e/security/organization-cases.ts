import type { Page } from "@playwright/test";
import { OrganizationsPage, type OrganizationRecord } from "../pages/organizations-page";
import { unique } from "../support/test";
import type { ActionCases } from "./cases";

/**
 * Organizations belong to their current lead ministry. The targets are led by Ārlietu ministrija, so the
 * same payload is out of the ZM editor's scope. They are made through the admin's UI once per worker;
 * the attacks must change nothing, so a target stays as it was made.
 */
const ACTIONS = "app/(app)/organizations/actions.ts";
const LEAD = "Ārlietu ministrija";

const fields = (acronym = unique("U").toUpperCase()) => ({
  acronym,
  nameLv: `Uzbrucēja organizācija ${acronym}`,
  nameEn: `Attacker's organization ${acronym}`,
  kind: "organization",
  hqCity: "Nekurciema",
  website: "",
  memberSince: "",
  treatyUrl: "https://likumi.lv/ta/id/1",
  billingCurrencies: ["EUR"],
  sourceUrl: "",
  notes: "",
});

/** Organizations this worker made for the cases; made on first use. */
const made: { leadId?: string; active?: OrganizationRecord & { acronym: string }; archived?: OrganizationRecord; unreferenced?: OrganizationRecord } = {};

async function leadMinistryId(adminPage: Page): Promise<string> {
  if (!made.leadId) {
    await adminPage.goto("/organizations/new");
    const value = await adminPage.getByLabel("Vadošā ministrija", { exact: true }).locator("option", { hasText: LEAD }).getAttribute("value");
    if (!value) throw new Error(`no ${LEAD} among the lead ministries`);
    made.leadId = value;
  }
  return made.leadId;
}

async function newTarget(adminPage: Page) {
  const acronym = unique("DROSIBA").toUpperCase();
  const organizations = new OrganizationsPage(adminPage);
  const id = await organizations.create({ acronym, nameLv: `Drošības pārbaude ${acronym}`, nameEn: `Security check ${acronym}`, lead: LEAD });
  return { organizations, id, acronym };
}

async function activeTarget(adminPage: Page) {
  if (!made.active) {
    const { organizations, id, acronym } = await newTarget(adminPage);
    made.active = { ...(await organizations.record(id)), acronym };
  }
  return made.active;
}

async function archivedTarget(adminPage: Page) {
  if (!made.archived) {
    const { organizations, id } = await newTarget(adminPage);
    await organizations.archive();
    made.archived = await organizations.record(id);
  }
  return made.archived;
}

async function unreferencedTarget(adminPage: Page) {
  if (!made.unreferenced) {
    const { organizations, id } = await newTarget(adminPage);
    made.unreferenced = await organizations.record(id);
  }
  return made.unreferenced;
}

const editors = (args: (adminPage: Page) => Promise<unknown>) => ({
  anonymous: "unauthorized" as const,
  callers: "editors" as const,
  args: async ({ adminPage }: { adminPage: Page }) => [await args(adminPage)],
  outOfScope: async ({ adminPage }: { adminPage: Page }) => [await args(adminPage)],
});

export const organizationActionCases: ActionCases = {
  [`${ACTIONS}#createOrganization`]: editors(async (adminPage) => ({ ...fields(), leadMinistryId: await leadMinistryId(adminPage) })),
  [`${ACTIONS}#updateOrganization`]: editors(async (adminPage) => {
    const { id, version, acronym } = await activeTarget(adminPage);
    return { ...fields(acronym), id, version };
  }),
  [`${ACTIONS}#archiveOrganization`]: editors(async (adminPage) => {
    const { id, version } = await activeTarget(adminPage);
    return { id, version };
  }),
  [`${ACTIONS}#restoreOrganization`]: editors((adminPage) => archivedTarget(adminPage)),
  [`${ACTIONS}#deleteOrganization`]: {
    anonymous: "unauthorized",
    callers: "admin",
    args: async ({ adminPage }) => [await unreferencedTarget(adminPage)],
  },
};
