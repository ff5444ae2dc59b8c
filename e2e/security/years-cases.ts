import type { Page } from "@playwright/test";
import { MinistriesPage } from "../pages/ministries-page";
import type { ActionCases } from "./cases";

/**
 * "Prepare next year" copies a year's lines of one paying ministry (or all). Its payloads would succeed
 * for the callers they aim at: 2026's ZM lines for the ZM editor, 2026's Ārlietu ministrija lines (out of
 * the ZM editor's scope) for an unscoped editor; 2027 is empty in the demo data. The ministries' ids are
 * read through the admin's UI once per worker.
 */
const ACTION = "app/(app)/contributions/years/actions.ts#prepareNextYear";

const ids: Partial<Record<"am" | "zm", number>> = {};
async function ministryId(adminPage: Page, code: "am" | "zm"): Promise<number> {
  ids[code] ??= await new MinistriesPage(adminPage).idOf(code);
  return ids[code];
}

export const yearsActionCases: ActionCases = {
  [ACTION]: {
    anonymous: "unauthorized",
    callers: "editors",
    args: async ({ adminPage }) => [{ fromYear: 2026, ministryId: await ministryId(adminPage, "zm") }],
    outOfScope: async ({ adminPage }) => [{ fromYear: 2026, ministryId: await ministryId(adminPage, "am") }],
  },
};
