import type { Page } from "@playwright/test";
import { actionId, callAction, formDataArgs } from "../support/actions";
import type { ActionCases } from "./cases";

/**
 * The spreadsheet import: upload (a FormData with the file), dry run and apply. The dry run and apply aim
 * at an import the demo admin uploaded (and, for apply, checked) through the same actions, once per
 * case: a ZM editor must not reach another person's import, whatever it holds. Each payload would
 * succeed for its owner: the file adds one voluntary contribution of Zemkopības ministrija.
 */
const UPLOAD = "app/(app)/import/actions.ts#uploadImport";
const PREVIEW = "app/(app)/import/actions.ts#previewImport";
const APPLY = "app/(app)/import/actions.ts#applyImport";

const CSV = "Gads;Saīsinājums;Veids;Maksātāja ministrija;Valūta;Summa valūtā\r\n2026;OSCE;voluntary;zm;EUR;10\r\n";
const upload = () => formDataArgs({ file: { name: "drosiba.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) }, locale: "lv" });
const MAPPING = { id: "", year: "0", organization: "1", kind: "2", ministry: "3", programme: "", currency: "4", amount: "5", plannedEur: "", dueDate: "", status: "", cabinetOrder: "", notes: "" };

/** The action's result row of the flight answer ("1:{...}"); the dry run's data nests its counts. */
function data<T>(body: string): T {
  const line = body.split("\n").find((row) => /^[0-9a-f]+:\{"ok":true,/.test(row));
  if (!line) throw new Error(`the admin's import step failed: ${body.slice(0, 300)}`);
  return (JSON.parse(line.slice(line.indexOf(":") + 1)) as { data: T }).data;
}

/** An import of the demo admin's, uploaded and (with `checked`) dry-run: its id and version. */
async function adminImport(adminPage: Page, checked: boolean): Promise<{ id: number; version: number }> {
  const { id } = data<{ id: number }>((await callAction(adminPage.request, actionId(UPLOAD), upload())).body);
  if (!checked) return { id, version: 1 };
  const preview = [{ id, version: 1, locale: "lv", mapping: MAPPING, defaultYear: "" }];
  const { version } = data<{ version: number }>((await callAction(adminPage.request, actionId(PREVIEW), preview)).body);
  return { id, version };
}

const previewArgs = async ({ adminPage }: { adminPage: Page }) => {
  const { id } = await adminImport(adminPage, false);
  return [{ id, version: 1, locale: "lv", mapping: MAPPING, defaultYear: "" }];
};
const applyArgs = async ({ adminPage }: { adminPage: Page }) => [{ ...(await adminImport(adminPage, true)), locale: "lv" }];

export const importActionCases: ActionCases = {
  [UPLOAD]: { anonymous: "unauthorized", callers: "editors", args: () => upload(), outOfScope: "own record" },
  [PREVIEW]: { anonymous: "unauthorized", callers: "editors", args: previewArgs, outOfScope: previewArgs },
  [APPLY]: { anonymous: "unauthorized", callers: "editors", args: applyArgs, outOfScope: applyArgs },
};
