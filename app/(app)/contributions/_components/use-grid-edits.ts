"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ContributionRow, SavedContributionRow } from "@/db/queries/contributions";
import type { ActionErrorCode } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { saveContributionCells } from "../actions";
import type { CellField } from "../cells";
import { rawValue } from "./grid-columns";

/** A cell whose value is not (yet) the saved one: being saved, refused with a message, or overtaken. */
export type CellMark =
  | { state: "pending"; draft: string }
  | { state: "rejected"; draft: string; message: string }
  | { state: "conflict"; draft: string; theirs: SavedContributionRow };

export interface CellRef {
  id: number;
  field: CellField;
}
export const markKey = (id: number, field: CellField) => `${id}:${field}`;

export interface DraftCell extends CellRef {
  /** The text as typed or pasted, in the user's locale. */
  draft: string;
}

interface UndoEntry {
  cells: { id: number; field: CellField; before: string }[];
}

export type SaveOutcome =
  | { ok: true; saved: number }
  | { ok: false; error: ActionErrorCode; rejected: number; conflict?: CellRef; message?: string };

/** Error messages of the common catalogs: `validation.<key>` for fields, `actionErrors.<code>` otherwise. */
export type MessageRef = { key: string; n?: number };

/**
 * The grid's rows and everything not yet saved. Rows come from the server (a filter change brings new
 * ones); a saved row returned by an action replaces the server's copy until the server's copy is as new
 * (higher or equal version). Saves of one row run one after the other, each with the version the
 * previous one returned, so a fast typist never conflicts with themselves.
 */
export function useGridEdits({ serverRows, locale }: { serverRows: ContributionRow[]; locale: Locale }) {
  const [overrides, setOverrides] = useState<ReadonlyMap<number, ContributionRow>>(new Map());
  const [added, setAdded] = useState<readonly ContributionRow[]>([]);
  const [removed, setRemoved] = useState<ReadonlySet<number>>(new Set());
  const [marks, setMarks] = useState<ReadonlyMap<string, CellMark>>(new Map());
  const undoStack = useRef<UndoEntry[]>([]);
  const queues = useRef(new Map<number, Promise<unknown>>());

  const rows = useMemo(() => {
    const fromServer = new Set(serverRows.map((r) => r.id));
    const newer = (row: ContributionRow) => {
      const mine = overrides.get(row.id);
      return mine && mine.version > row.version ? mine : row;
    };
    return [...serverRows.map(newer), ...added.filter((r) => !fromServer.has(r.id)).map(newer)].filter((r) => !removed.has(r.id));
  }, [serverRows, overrides, added, removed]);

  // The newest known state of each row, read by queued saves at the moment they are sent.
  const latest = useRef(new Map<number, ContributionRow>());
  useEffect(() => {
    for (const row of rows) {
      const known = latest.current.get(row.id);
      if (!known || known.version <= row.version) latest.current.set(row.id, row);
    }
  }, [rows]);

  const accept = useCallback((saved: readonly ContributionRow[]) => {
    for (const row of saved) latest.current.set(row.id, row);
    setOverrides((current) => {
      const next = new Map(current);
      for (const row of saved) next.set(row.id, row);
      return next;
    });
  }, []);

  const setMarksFor = useCallback((cells: readonly CellRef[], mark: (cell: CellRef) => CellMark | null) => {
    setMarks((current) => {
      const next = new Map(current);
      for (const cell of cells) {
        const value = mark(cell);
        if (value) next.set(markKey(cell.id, cell.field), value);
        else next.delete(markKey(cell.id, cell.field));
      }
      return next;
    });
  }, []);

  /**
   * Sends cells in one action (all or nothing). Marks them pending at once; on success the rows are
   * replaced by the saved ones; refused cells keep the typed text with the message; a stale version marks
   * the cells as overtaken, with the other person's row.
   */
  const save = useCallback(
    (cells: readonly DraftCell[], options: { undo?: boolean; messageOf: (ref: MessageRef) => string }): Promise<SaveOutcome> => {
      setMarksFor(cells, (cell) => ({ state: "pending", draft: cells.find((c) => c.id === cell.id && c.field === cell.field)!.draft }));
      const ids = [...new Set(cells.map((c) => c.id))];
      const waitFor = Promise.all(ids.map((id) => queues.current.get(id)));
      const run = waitFor.then(async (): Promise<SaveOutcome> => {
        const before = cells.map((c) => {
          const row = latest.current.get(c.id);
          return { id: c.id, field: c.field, before: row ? rawValue(row, c.field, locale) : "" };
        });
        const payload = cells.map((c) => ({ id: c.id, version: latest.current.get(c.id)?.version ?? 0, field: c.field, value: c.draft }));
        let result: Awaited<ReturnType<typeof saveContributionCells>>;
        try {
          result = await saveContributionCells({ locale, cells: payload, undo: options.undo });
        } catch {
          result = { ok: false, error: "unavailable" };
        }
        if (result.ok) {
          accept(result.data.rows);
          setMarksFor(cells, () => null);
          if (!options.undo) undoStack.current.push({ cells: before });
          return { ok: true, saved: cells.length };
        }
        if (result.error === "conflict") {
          const theirs = ((result.current as { rows?: SavedContributionRow[] } | undefined)?.rows ?? []) as SavedContributionRow[];
          accept(theirs);
          const byId = new Map(theirs.map((r) => [r.id, r]));
          setMarksFor(cells, (cell) => {
            const row = byId.get(cell.id);
            const draft = cells.find((c) => c.id === cell.id && c.field === cell.field)!.draft;
            return row ? { state: "conflict", draft, theirs: row } : null;
          });
          const first = cells.find((c) => byId.has(c.id));
          return { ok: false, error: "conflict", rejected: cells.length, conflict: first ? { id: first.id, field: first.field } : undefined };
        }
        if (result.error === "invalid" && result.fieldErrors) {
          const errors = result.fieldErrors;
          const messageAt = (index: number) => {
            const [message] = errors[`cells.${index}`] ?? [];
            if (!message) return null;
            const [key = "invalid", n] = message.split(":");
            return options.messageOf({ key: `validation.${key}`, n: n === undefined ? undefined : Number(n) });
          };
          setMarksFor(cells, (cell) => {
            const index = cells.findIndex((c) => c.id === cell.id && c.field === cell.field);
            const message = messageAt(index);
            if (!message) return null;
            return { state: "rejected", draft: cells[index]!.draft, message };
          });
          const first = cells.map((_, index) => messageAt(index)).find((m) => m !== null) ?? undefined;
          return { ok: false, error: "invalid", rejected: Object.keys(errors).length, message: first };
        }
        const message = options.messageOf({ key: `actionErrors.${result.error}` });
        setMarksFor(cells, (cell) => ({ state: "rejected", draft: cells.find((c) => c.id === cell.id && c.field === cell.field)!.draft, message }));
        return { ok: false, error: result.error, rejected: cells.length };
      });
      for (const id of ids) queues.current.set(id, run.catch(() => undefined));
      return run;
    },
    [accept, locale, setMarksFor],
  );

  /** Ctrl+Z: the last change of this user in this grid, written back as a new, audited change. */
  const undo = useCallback(
    async (messageOf: (ref: MessageRef) => string): Promise<SaveOutcome | null> => {
      const entry = undoStack.current.pop();
      if (!entry) return null;
      const outcome = await save(
        entry.cells.map((c) => ({ id: c.id, field: c.field, draft: c.before })),
        { undo: true, messageOf },
      );
      return outcome;
    },
    [save],
  );

  /** A rejected or overtaken value the user lets go of: the cell shows the saved value again. */
  const dismiss = useCallback((cell: CellRef) => setMarksFor([cell], () => null), [setMarksFor]);

  /** Marks a value the browser already knows is wrong, without sending it. */
  const reject = useCallback(
    (cells: readonly (DraftCell & { message: string })[]) =>
      setMarksFor(cells, (cell) => {
        const c = cells.find((x) => x.id === cell.id && x.field === cell.field)!;
        return { state: "rejected", draft: c.draft, message: c.message };
      }),
    [setMarksFor],
  );

  const addRow = useCallback((row: ContributionRow) => {
    latest.current.set(row.id, row);
    setAdded((current) => [...current, row]);
  }, []);
  const replaceRow = useCallback((row: ContributionRow) => accept([row]), [accept]);
  const removeRow = useCallback((id: number) => setRemoved((current) => new Set([...current, id])), []);

  return { rows, marks, save, undo, dismiss, reject, addRow, replaceRow, removeRow, canUndo: () => undoStack.current.length > 0 };
}
