import type { Page } from "@playwright/test";
import type { UserRecord } from "../pages/users-page";
import type { MultipartArgs } from "../support/actions";

export type AnonymousAnswer = "unauthorized" | "fieldErrors" | "redirectToLogin";

/**
 * Who may call an action at all: anyone (the sign-in form), every signed-in user (own account), admins,
 * or editors (admins and editors; viewers are refused, ministry-scoped editors only for their records).
 */
export type Callers = "public" | "everyone" | "admin" | "editors";

/** What a case may aim at: the demo viewer's account, and an admin's page to look records up with. */
export interface Targets {
  victim: UserRecord;
  /** Signed in as the demo admin; use the feature's page object to find ids and versions. */
  adminPage: Page;
}

export interface ActionCase {
  anonymous: AnonymousAnswer;
  callers: Callers;
  /**
   * A payload that would succeed for an allowed caller: a missing check changes something, it does not
   * just fail validation.
   */
  args: (targets: Targets) => ActionArgs | Promise<ActionArgs>;
  /**
   * "editors" actions: a payload aimed at a record of a ministry other than Zemkopības ministrija, which
   * would succeed for an unscoped editor. The ZM editor must get "not_found" and change nothing.
   * "own record": the action makes a record of the caller's own (an import), with nothing of another
   * ministry to aim at; what that record later writes is checked row by row (tests/db/imports.test.ts).
   */
  outOfScope?: ((targets: Targets) => ActionArgs | Promise<ActionArgs>) | "own record";
}

/** JSON arguments, or a multipart body for an action that takes a FormData (e2e/support/actions.ts). */
export type ActionArgs = unknown[] | MultipartArgs;

export type ActionCases = Record<string, ActionCase>;
