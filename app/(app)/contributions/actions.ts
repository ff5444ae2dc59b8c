"use server";

import { applyCellEdits, cancelContribution as cancelLine, deleteContribution as deleteLine, insertContribution, type ParsedCell } from "@/db/queries/contribution-writes";
import { contributionsScope, singleMinistry } from "@/db/queries/contributions";
import { defineAction } from "@/lib/action";
import { ActionError, type FieldErrors } from "@/lib/errors";
import { contributionVersionSchema, createContributionSchema, parseCell, saveCellsSchema } from "./schemas";

// Contributions belong to the ministry that pays them: its editors, unscoped editors and admins keep them.
const EDITORS = ["admin", "editor"] as const;
const PATHS = ["/contributions", "/"];

/**
 * Saves one cell, a pasted block or an undo: every cell with the version of its row, all or nothing. A
 * scoped editor may move a line only between rows of their own ministry (the scope includes the ministry
 * a payingMinistryId cell would move it to).
 */
export const saveContributionCells = defineAction({
  name: "contributions.save_cells",
  roles: EDITORS,
  input: saveCellsSchema,
  scope: (input, tx) =>
    contributionsScope(
      tx,
      input.cells.map((cell) => cell.id),
      input.cells.filter((cell) => cell.field === "payingMinistryId" && /^\d+$/.test(cell.value.trim())).map((cell) => Number(cell.value.trim())),
    ),
  async run(input, { tx, audit, user }) {
    const errors: FieldErrors = {};
    const cells: ParsedCell[] = [];
    input.cells.forEach((cell, index) => {
      const parsed = parseCell(cell.field, cell.value, input.locale);
      if (parsed.ok) cells.push({ index, id: cell.id, version: cell.version, field: cell.field, value: parsed.value });
      else errors[`cells.${index}`] = [parsed.message];
    });
    if (Object.keys(errors).length) throw new ActionError("invalid", { fieldErrors: errors });
    const rows = await applyCellEdits({ tx, audit, userId: user.id, cells, action: input.undo ? "undo" : "update" });
    return { rows };
  },
  // No revalidation: the grid replaces the saved rows in place, and re-rendering a 2,000-line page on
  // every keystroke-sized save would cost more than the save. Every page here renders per request anyway.
});

export const createContribution = defineAction({
  name: "contributions.create",
  roles: EDITORS,
  input: createContributionSchema,
  scope: async (input) => singleMinistry([input.payingMinistryId]),
  async run(input, { tx, audit, user }) {
    const row = await insertContribution(tx, audit, user.id, input);
    return { row };
  },
  revalidate: () => PATHS,
});

export const cancelContribution = defineAction({
  name: "contributions.cancel",
  roles: EDITORS,
  input: contributionVersionSchema,
  scope: (input, tx) => contributionsScope(tx, [input.id]),
  async run(input, { tx, audit, user }) {
    const row = await cancelLine(tx, audit, user.id, input.id, input.version);
    return { row };
  },
  revalidate: () => PATHS,
});

/** Only a planned line without payments: anything further along is cancelled instead, and stays on record. */
export const deleteContribution = defineAction({
  name: "contributions.delete",
  roles: EDITORS,
  input: contributionVersionSchema,
  scope: (input, tx) => contributionsScope(tx, [input.id]),
  async run(input, { tx, audit }) {
    await deleteLine(tx, audit, input.id, input.version);
    return { id: input.id };
  },
  revalidate: () => PATHS,
});
