import fc from "fast-check";
import { CELL_FIELDS } from "@/app/(app)/contributions/cells";
import { DEFAULT_DEMO_PASSWORD } from "@/db/seed/demo-users";
import { columnRef, overlay, pairRef, rowRef } from "./payloads";

/**
 * One entry per export of every `app/**\/actions.ts`, keyed as e2e/security keys them
 * ("file#export"); the fuzz test fails when an action has no entry or an entry no action.
 *
 * An entry holds the hints laid over zod-schema-faker's fake of the action's own schema (read from the
 * action through `actionInputSchema`), so that the schema-valid share of payloads reaches existing
 * records, matching versions and values the refinements accept. Everything else is generated.
 */
export interface FuzzCase {
  hints?: fc.Arbitrary<Record<string, unknown>>;
  /** The sign-in form's actions are not `defineAction`s: they say how they are called and answer. */
  auth?: "signIn" | "redirects";
}

const A = "app/(app)";
const text = <T>(arbitrary: fc.Arbitrary<T>) => fc.tuple(arbitrary, fc.boolean()).map(([v, asText]) => (asText ? String(v) : v));
const locale = fc.constantFrom("lv", "en");
const year = text(fc.integer({ min: 2017, max: 2031 }));
const yearText = fc.integer({ min: 2017, max: 2031 }).map(String);
const isoDate = fc.date({ min: new Date("2015-01-01"), max: new Date("2035-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof(fc.constant(""), arbitrary);
const currency = fc.constantFrom("EUR", "USD", "CHF", "LVL", "GBP", "XXX", "eur");
const money = fc.oneof(
  fc.constantFrom("100", "1 234,56", "0,01", "12.5", "1234.56", "1,234.56", "€ 50", "EUR 10", "999999999999,99", "10000000000000000"),
  fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a},${String(b).padStart(2, "0")}`),
);
const password = fc.string({ minLength: 12, maxLength: 40 });
// fast-check's own addresses are RFC-valid but mostly not what zod's (deliberately narrower) check accepts.
const email = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9_-]{0,12}$/), fc.constantFrom("example.lv", "mfa.gov.lv", "zm.gov.lv")).map(([local, domain]) => `${local}@${domain}`);
const web = maybe(fc.constantFrom("https://www.osce.org", "http://example.lv/a?b=1", "https://likumi.lv/ta/id/1"));
const ministry = (asText?: boolean) => columnRef("ministries", "id", asText);
const ministryChoice = maybe(ministry(true));

const cell = fc.oneof(
  fc.record({ field: fc.constantFrom("amount", "plannedEur"), value: maybe(money) }),
  fc.record({ field: fc.constant("dueDate"), value: maybe(fc.oneof(isoDate, fc.constantFrom("15.05.2026", "31.02.2026"))) }),
  fc.record({ field: fc.constant("kind"), value: fc.constantFrom("assessed", "voluntary", "other") }),
  fc.record({ field: fc.constant("status"), value: fc.constantFrom("planned", "assessed", "cancelled", "paid") }),
  fc.record({ field: fc.constant("currency"), value: currency }),
  fc.record({ field: fc.constant("payingMinistryId"), value: ministry(true) }),
  fc.record({ field: fc.constant("budgetProgrammeId"), value: maybe(columnRef("budget_programmes", "id", true)) }),
  fc.record({ field: fc.constantFrom(...CELL_FIELDS), value: fc.string({ maxLength: 30 }) }),
);
const cells = fc.array(fc.tuple(rowRef("contributions"), cell).map(([row, c]) => ({ ...row, ...c })), { minLength: 1, maxLength: 4 });

const paymentFields = fc.record({ paidOn: isoDate, amount: money, currency: maybe(currency), notes: fc.string({ maxLength: 50 }), locale });

const missionFields = fc.record({
  countryCode: fc.constantFrom("LV", "fr", "US", "AT", "XK"),
  email: maybe(email),
  website: web,
  openedOn: maybe(isoDate),
  closedOn: maybe(isoDate),
});

const organizationFields = fc.record({
  acronym: fc.stringMatching(/^[A-ZĀČ][A-Z0-9 .&/+-]{0,12}$/),
  website: web,
  sourceUrl: web,
  treatyUrl: maybe(fc.constant("https://likumi.lv/ta/id/12345")),
  memberSince: maybe(isoDate),
  billingCurrencies: fc.subarray(["EUR", "USD", "CHF", "XXX"]),
});

const programmeYears = fc.record({ validFromYear: yearText, validToYear: maybe(yearText) });
const userFields = fc.record({ email, password, ministryId: ministryChoice });
const file = fc
  .record({
    name: fc.constantFrom("iemaksas.csv", "data.txt", "book.xlsx", "../../etc/passwd.csv", "bez paplašinājuma", "ā\u0000.csv", ".csv"),
    content: fc.oneof(
      fc.constantFrom("Gads;Organizācija;Veids;Ministrija;Valūta;Summa\n2026;OSCE;assessed;am;EUR;1 234,56\n", "id,year\n1,2026\n", ""),
      fc.string({ unit: "binary", maxLength: 400 }),
      fc.uint8Array({ maxLength: 400 }),
    ),
  })
  .map(({ name, content }) => ({ file: new File([content as BlobPart], name) }));

export const FUZZ_CASES: Record<string, FuzzCase> = {
  "app/(auth)/actions.ts#signInWithPassword": {
    auth: "signIn",
    hints: fc.record({ email: fc.oneof(email, fc.constant("admin@iemaksas.example")), password: fc.oneof(password, fc.constant(`${DEFAULT_DEMO_PASSWORD}x`)) }),
  },
  "app/(auth)/actions.ts#signInWithOidc": { auth: "redirects" },
  "app/(auth)/actions.ts#signOutAction": { auth: "redirects" },

  [`${A}/account/actions.ts#updateProfile`]: { hints: fc.record({ version: text(fc.integer({ min: 1, max: 4 })), locale }) },
  [`${A}/account/actions.ts#changePassword`]: {
    hints: fc
      .tuple(fc.oneof(password, fc.constant("wrong")), password)
      .map(([currentPassword, newPassword]) => ({ currentPassword, newPassword, confirmPassword: newPassword })),
  },

  [`${A}/import/actions.ts#uploadImport`]: { hints: overlay(file, fc.record({ locale })) },
  [`${A}/import/actions.ts#previewImport`]: { hints: overlay(rowRef("imports"), fc.record({ locale, defaultYear: maybe(yearText) })) },
  [`${A}/import/actions.ts#applyImport`]: { hints: overlay(rowRef("imports"), fc.record({ locale })) },

  [`${A}/contributions/actions.ts#saveContributionCells`]: { hints: fc.record({ locale, cells, undo: fc.boolean() }, { requiredKeys: ["locale", "cells"] }) },
  [`${A}/contributions/actions.ts#createContribution`]: {
    hints: fc.record({
      year,
      organizationId: columnRef("organizations", "id", true),
      payingMinistryId: ministry(true),
      budgetProgrammeId: maybe(columnRef("budget_programmes", "id", true)),
      currency,
    }),
  },
  [`${A}/contributions/actions.ts#cancelContribution`]: { hints: rowRef("contributions") },
  [`${A}/contributions/actions.ts#deleteContribution`]: { hints: rowRef("contributions") },
  [`${A}/contributions/payments/actions.ts#loadContributionPayments`]: { hints: fc.record({ contributionId: columnRef("contributions") }) },
  [`${A}/contributions/payments/actions.ts#addPayment`]: { hints: overlay(paymentFields, fc.record({ contributionId: columnRef("contributions") })) },
  [`${A}/contributions/payments/actions.ts#updatePayment`]: { hints: overlay(paymentFields, rowRef("payments")) },
  [`${A}/contributions/payments/actions.ts#deletePayment`]: { hints: rowRef("payments") },
  [`${A}/contributions/years/actions.ts#prepareNextYear`]: {
    hints: fc.record({ fromYear: year, ministryId: fc.oneof(ministry(), fc.constant(null), fc.constant(undefined)) }),
  },

  [`${A}/organizations/actions.ts#createOrganization`]: { hints: overlay(organizationFields, fc.record({ leadMinistryId: ministry(true) })) },
  [`${A}/organizations/actions.ts#updateOrganization`]: { hints: overlay(organizationFields, rowRef("organizations")) },
  [`${A}/organizations/actions.ts#archiveOrganization`]: { hints: rowRef("organizations") },
  [`${A}/organizations/actions.ts#restoreOrganization`]: { hints: rowRef("organizations") },
  [`${A}/organizations/actions.ts#deleteOrganization`]: { hints: rowRef("organizations") },
  [`${A}/organizations/responsibilities/actions.ts#setResponsibility`]: {
    hints: fc.record({ organizationId: columnRef("organizations"), ministryId: ministry() }),
  },

  [`${A}/missions/actions.ts#createMission`]: { hints: missionFields },
  [`${A}/missions/actions.ts#updateMission`]: { hints: overlay(missionFields, rowRef("missions")) },
  [`${A}/missions/actions.ts#archiveMission`]: { hints: rowRef("missions") },
  [`${A}/missions/actions.ts#restoreMission`]: { hints: rowRef("missions") },
  [`${A}/missions/actions.ts#deleteMission`]: { hints: rowRef("missions") },
  [`${A}/missions/actions.ts#addMissionOrganization`]: {
    hints: fc.record({ missionId: columnRef("missions"), organizationId: columnRef("organizations", "id", true) }),
  },
  [`${A}/missions/actions.ts#removeMissionOrganization`]: { hints: pairRef("mission_organizations", { missionId: "mission_id", organizationId: "organization_id" }) },
  [`${A}/missions/actions.ts#addMissionMinistry`]: { hints: fc.record({ missionId: columnRef("missions"), ministryId: ministry(true) }) },
  [`${A}/missions/actions.ts#removeMissionMinistry`]: { hints: pairRef("mission_ministries", { missionId: "mission_id", ministryId: "ministry_id" }) },

  [`${A}/ministries/actions.ts#createMinistry`]: {},
  [`${A}/ministries/actions.ts#updateMinistry`]: { hints: rowRef("ministries") },
  [`${A}/ministries/actions.ts#setMinistryActive`]: { hints: rowRef("ministries") },
  [`${A}/ministries/actions.ts#createProgramme`]: { hints: overlay(programmeYears, fc.record({ ministryId: ministry() })) },
  [`${A}/ministries/actions.ts#updateProgramme`]: { hints: overlay(programmeYears, rowRef("budget_programmes")) },
  [`${A}/ministries/actions.ts#deleteProgramme`]: { hints: rowRef("budget_programmes") },
  [`${A}/ministries/actions.ts#deleteMinistry`]: { hints: rowRef("ministries") },

  [`${A}/admin/users/actions.ts#createUser`]: { hints: userFields },
  [`${A}/admin/users/actions.ts#updateUser`]: { hints: overlay(rowRef("users"), fc.record({ ministryId: ministryChoice })) },
  [`${A}/admin/users/actions.ts#setUserDisabled`]: { hints: rowRef("users") },
  [`${A}/admin/users/actions.ts#resetPassword`]: { hints: overlay(rowRef("users"), fc.record({ password })) },

  [`${A}/admin/exchange-rates/actions.ts#addExchangeRate`]: {
    hints: fc.record({ year, currency, locale, rate: fc.constantFrom("1,0824", "1.0824", "0,93", "150,5", "1,12345678", "0") }),
  },
  [`${A}/admin/exchange-rates/actions.ts#recalculateExchangeYear`]: { hints: fc.record({ year, currency: maybe(currency) }) },
  [`${A}/admin/exchange-rates/actions.ts#addCurrency`]: { hints: fc.record({ code: fc.constantFrom("JPY", "GBP", "SEK", "XXX", "QQQ", "nok") }) },
  [`${A}/admin/exchange-rates/actions.ts#setCurrencyActive`]: { hints: fc.record({ code: columnRef("currencies", "code") }) },

  [`${A}/admin/fiscal-years/actions.ts#closeFiscalYear`]: { hints: fc.record({ year }) },
  [`${A}/admin/fiscal-years/actions.ts#reopenFiscalYear`]: { hints: fc.record({ year }) },
};
