import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { storageState } from "./fixtures";
import { MinistriesPage, uniqueMinistryCode, uniqueProgrammeKey } from "./pages/ministries-page";
import { actionId, callAction, formDataArgs } from "./support/actions";
import { expect, test, unique } from "./support/test";

/**
 * SECURITY.md 15: classic XSS payloads put into every free-text field (through the actions, as the forms
 * send them), then every page that shows them opened in the browser: no dialog, no injected element, the
 * payload shown as the text it is, and no CSP violation (the fixtures fail a test that causes one).
 * React escapes text; this proves no page renders one of these fields as HTML or into a URL.
 */
const CORPUS = [
  "<script data-xss>alert(1)</script>",
  '"><img src=x data-xss onerror=alert(1)>',
  "'><svg data-xss onload=alert(1)>",
  "javascript:alert(1)",
  "</textarea></title><script data-xss>alert(1)</script>",
  "{{constructor.constructor('alert(1)')()}} ${alert(1)} #{alert(1)}",
  '<iframe data-xss srcdoc="<script>alert(1)</script>"></iframe>',
  '<a data-xss href="javascript:alert(1)">klikšķis</a>',
  "\u202e<b data-xss>\u200bapgriezts</b>",
  "＜script＞alert(1)＜/script＞ %3Cscript%3Ealert(1)%3C/script%3E",
  "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1) data-xss>",
  "]]><!--<script data-xss>alert(1)</script>--><![CDATA[",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1) data-xss>",
  "<details data-xss open ontoggle=alert(1)>",
] as const;

const ACTIONS = {
  createMission: "app/(app)/missions/actions.ts#createMission",
  addMissionMinistry: "app/(app)/missions/actions.ts#addMissionMinistry",
  createOrganization: "app/(app)/organizations/actions.ts#createOrganization",
  createMinistry: "app/(app)/ministries/actions.ts#createMinistry",
  createProgramme: "app/(app)/ministries/actions.ts#createProgramme",
  createUser: "app/(app)/admin/users/actions.ts#createUser",
  createContribution: "app/(app)/contributions/actions.ts#createContribution",
  saveContributionCells: "app/(app)/contributions/actions.ts#saveContributionCells",
  addPayment: "app/(app)/contributions/payments/actions.ts#addPayment",
  addExchangeRate: "app/(app)/admin/exchange-rates/actions.ts#addExchangeRate",
  uploadImport: "app/(app)/import/actions.ts#uploadImport",
  previewImport: "app/(app)/import/actions.ts#previewImport",
} as const;
// A year no other spec reads (the security cases use 2033 and 2034).
const YEAR = 2035;

/** The action's `data`, from its flight answer ("1:{"ok":true,"data":…}"); fails the test otherwise. */
async function call<T = Record<string, unknown>>(page: Page, action: keyof typeof ACTIONS, args: unknown): Promise<T> {
  const answer = await callAction(page.request, actionId(ACTIONS[action]), Array.isArray(args) ? args : (args as never));
  const line = answer.body.split("\n").find((row) => /^[0-9a-f]+:\{"ok":true/.test(row));
  expect(line, `${action} accepted the payload: ${answer.body.slice(0, 300)}`).toBeTruthy();
  return (JSON.parse(line!.slice(line!.indexOf(":") + 1)) as { data: T }).data;
}

/** Each field gets the next payload of the corpus, tagged so that it is unique and can be looked for. */
function payloads(tag: string) {
  let next = 0;
  return (max = 300) => {
    const text = `${CORPUS[next++ % CORPUS.length]} ${tag}`;
    return text.length <= max ? text : `${CORPUS[3]} ${tag}`;
  };
}

interface Visit {
  url: string;
  /** Texts the page must show as they are (in its text, or as an input's value). */
  shows: string[];
}

/** Opens each page and checks that nothing ran or was injected and the payloads read as text. */
async function visitAll(page: Page, visits: Visit[]) {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()} on ${page.url()}`);
    void dialog.dismiss();
  });
  for (const { url, shows } of visits) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await expect(page.locator("main h1").first(), url).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expect(page.locator("[data-xss], [onerror], [onload], [ontoggle], iframe[srcdoc]"), `${url}: no injected element`).toHaveCount(0);
    await expect(page.locator('a[href^="javascript:" i]'), `${url}: no javascript: link`).toHaveCount(0);
    const text = await page.evaluate(() =>
      [document.body.innerText, ...[...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")].map((e) => e.value)].join("\n"),
    );
    for (const shown of shows) expect(text, `${url} shows the payload as text`).toContain(shown);
  }
  expect(dialogs, "no alert, confirm or prompt").toEqual([]);
}

test.describe("XSS corpus in every free-text field", () => {
  test.use({ storageState: storageState("admin") });
  test.setTimeout(180_000);

  test("the website fields refuse javascript: URLs", async ({ page }) => {
    const answer = await callAction(page.request, actionId(ACTIONS.createMission), [
      { nameLv: unique("x"), nameEn: unique("x"), city: "Rīga", countryCode: "LV", address: "", headOfMission: "", email: "", phone: "", website: "javascript:alert(1)", openedOn: "", closedOn: "", notes: "" },
    ]);
    expect(answer.body).toContain('"fieldErrors"');
    expect(answer.body).toContain('"website"');
  });

  test("register records: missions, organizations, ministries, programmes, users", async ({ page }) => {
    const tag = unique("xss");
    const p = payloads(tag);
    const ministries = new MinistriesPage(page);
    const am = await ministries.idOf("am");

    const mission = { nameLv: p(), nameEn: p(), city: p(120), address: p(500), headOfMission: p(200), notes: CORPUS.join("\n") + ` ${tag}` };
    const { id: missionId } = await call<{ id: number }>(page, "createMission", [
      { ...mission, countryCode: "LV", email: "", phone: "", website: "", openedOn: "", closedOn: "" },
    ]);
    const missionNote = p(500);
    await call(page, "addMissionMinistry", [{ missionId, ministryId: String(am), note: missionNote }]);

    const organization = { nameLv: p(), nameEn: p(), hqCity: p(120), notes: CORPUS.join("\n") + ` ${tag}` };
    const acronym = unique("X").toUpperCase().slice(0, 30);
    const { id: organizationId } = await call<{ id: number }>(page, "createOrganization", [
      { ...organization, acronym, kind: "organization", website: "", memberSince: "", treatyUrl: "", billingCurrencies: ["EUR"], sourceUrl: "", leadMinistryId: String(am) },
    ]);

    const ministry = { nameLv: p(), nameEn: p() };
    const { id: ministryId } = await call<{ id: number }>(page, "createMinistry", [{ code: uniqueMinistryCode(), ...ministry }]);
    const programme = { nameLv: p(), nameEn: p() };
    const { id: programmeId } = await call<{ id: number }>(page, "createProgramme", [{ ministryId: String(ministryId), ...uniqueProgrammeKey(), validToYear: "", ...programme }]);

    const userName = p(100);
    const { id: userId } = await call<{ id: number }>(page, "createUser", [
      { email: `${unique("xss")}@iemaksas.example`, name: userName, role: "viewer", ministryId: "", locale: "lv", password: `Parole ${randomBytes(9).toString("hex")}` },
    ]);

    await visitAll(page, [
      { url: `/missions?q=${encodeURIComponent(tag)}`, shows: [mission.nameLv] },
      { url: `/missions/${missionId}`, shows: Object.values(mission) },
      { url: `/missions/${missionId}?tab=ministries`, shows: [missionNote] },
      { url: `/missions/${missionId}?tab=history`, shows: [mission.nameLv, mission.city] },
      { url: `/organizations?q=${encodeURIComponent(acronym)}`, shows: [acronym] },
      { url: `/organizations/${organizationId}`, shows: Object.values(organization) },
      { url: `/organizations/${organizationId}?tab=history`, shows: [organization.nameLv] },
      { url: "/organizations/responsibilities", shows: [] },
      { url: "/ministries", shows: [ministry.nameLv] },
      { url: `/ministries/${ministryId}`, shows: Object.values(ministry) },
      { url: `/ministries/${ministryId}?tab=history`, shows: [ministry.nameLv] },
      { url: `/ministries/${ministryId}/programmes/${programmeId}`, shows: Object.values(programme) },
      { url: `/ministries/${ministryId}/programmes/${programmeId}?tab=history`, shows: [programme.nameLv] },
      { url: "/admin/users", shows: [userName] },
      { url: `/admin/users/${userId}`, shows: [userName] },
      { url: `/admin/users/${userId}?tab=history`, shows: [userName] },
      { url: "/admin/audit", shows: [] },
      { url: "/", shows: [] },
    ]);
  });

  test("money: the grid's cabinet order, payment notes, exchange-rate sources, reports", async ({ page }) => {
    const tag = unique("xss");
    const p = payloads(tag);
    const am = await new MinistriesPage(page).idOf("am");
    const orgName = p();
    const { id: organizationId } = await call<{ id: number }>(page, "createOrganization", [
      {
        acronym: unique("X").toUpperCase().slice(0, 30),
        nameLv: orgName,
        nameEn: p(),
        kind: "organization",
        hqCity: "",
        website: "",
        memberSince: "",
        treatyUrl: "",
        billingCurrencies: ["EUR"],
        sourceUrl: "",
        notes: "",
        leadMinistryId: String(am),
      },
    ]);
    const { row } = await call<{ row: { id: number; version: number } }>(page, "createContribution", [
      { year: String(YEAR), organizationId: String(organizationId), kind: "voluntary", payingMinistryId: String(am), budgetProgrammeId: "", currency: "EUR" },
    ]);
    const cabinetOrder = p(200);
    await call(page, "saveContributionCells", [{ locale: "lv", cells: [{ id: row.id, version: row.version, field: "cabinetOrder", value: cabinetOrder }] }]);
    const paymentNote = CORPUS.join("\n") + ` ${tag}`;
    await call(page, "addPayment", [{ contributionId: row.id, paidOn: `${YEAR}-01-15`, amount: "10,00", currency: "EUR", notes: paymentNote, locale: "lv" }]);
    const source = p(500);
    await call(page, "addExchangeRate", [{ locale: "lv", year: String(YEAR), currency: "USD", rate: "1,1", source }]);

    // Without a double quote: a browser sends it as %22 in a multipart file name (and so does Playwright).
    const sheetName = `${CORPUS[2]}.csv`;
    const csv = `Gads;Saīsinājums;Veids;Maksātāja ministrija;Valūta;Summa valūtā\r\n${YEAR};${CORPUS[0]};voluntary;${CORPUS[2]};EUR;${CORPUS[4]}\r\n`;
    const { id: importId } = await call<{ id: number }>(page, "uploadImport", formDataArgs({ file: { name: sheetName, mimeType: "text/csv", buffer: Buffer.from(csv) }, locale: "lv" }));
    const mapping = { id: "", year: "0", organization: "1", kind: "2", ministry: "3", programme: "", currency: "4", amount: "5", plannedEur: "", dueDate: "", status: "", cabinetOrder: "", notes: "" };
    await call(page, "previewImport", [{ id: importId, version: 1, locale: "lv", mapping, defaultYear: "" }]);

    await visitAll(page, [
      { url: `/contributions?year=${YEAR}&org=${organizationId}`, shows: [cabinetOrder] },
      { url: `/contributions/${row.id}`, shows: [paymentNote.split("\n")[0]!, orgName] },
      { url: `/contributions/${row.id}?tab=history`, shows: [] },
      { url: `/reports?year=${YEAR}`, shows: [] },
      { url: `/reports?year=${YEAR}&view=years`, shows: [] },
      { url: `/admin/exchange-rates?year=${YEAR}`, shows: [source] },
      { url: "/import", shows: [] },
      { url: `/import/${importId}`, shows: [sheetName] },
      { url: "/admin/audit", shows: [] },
      { url: "/", shows: [] },
    ]);
  });
});
