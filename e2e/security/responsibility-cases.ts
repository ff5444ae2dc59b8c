import type { Page } from "@playwright/test";
import { ResponsibilitiesPage, type CellRole } from "../pages/responsibilities-page";
import type { ActionCases } from "./cases";

/**
 * The matrix's one action. The payload is read from the admin's matrix (ids from the row link and the
 * ministry filter, `expected` from the cell) and asks for a change that would succeed: a new role in a
 * cell that is not the lead. UN is led by Ārlietu ministrija, so it is out of the ZM editor's scope.
 */
const ACTION = "app/(app)/organizations/responsibilities/actions.ts#setResponsibility";

async function payload(adminPage: Page, acronym: string, ministry: string) {
  const cell = await new ResponsibilitiesPage(adminPage).record(acronym, ministry);
  const role: CellRole = cell.role === "paying" ? "co_responsible" : "paying";
  return [{ organizationId: cell.organizationId, ministryId: cell.ministryId, role, expected: cell.role }];
}

export const responsibilityActionCases: ActionCases = {
  [ACTION]: {
    anonymous: "unauthorized",
    callers: "editors",
    args: ({ adminPage }) => payload(adminPage, "UN", "Kultūras ministrija"),
    outOfScope: ({ adminPage }) => payload(adminPage, "UN", "Zemkopības ministrija"),
  },
};
