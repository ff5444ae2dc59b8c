"use client";

import { createColumnHelper, tableFeatures, useTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { AlertCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type { ContributionRow } from "@/db/queries/contributions";
import type { GridOptions } from "@/db/queries/grid-options";
import type { Locale } from "@/lib/i18n/config";
import { cn } from "@/lib/utils";
import { parseCell, type CellField } from "../cells";
import type { GridGroup } from "../search-params";
import { CellEditor, type CommitMove } from "./cell-editor";
import { ConflictPopover } from "./conflict-popover";
import { cellOptions, displayValue, GRID_COLUMNS, type GridNames, pastedValue, rawValue, type GridColumnKey, type GridColumnSpec } from "./grid-columns";
import { nextCell, type CellPosition } from "./grid-keys";
import { ROW_HEIGHT, SumRow, sumsOf } from "./grid-sum-row";
import { RowActions } from "./row-actions";
import { markKey, useGridEdits, type DraftCell, type MessageRef } from "./use-grid-edits";

const features = tableFeatures({});
const column = createColumnHelper<typeof features, ContributionRow>();

type Item =
  | { type: "row"; row: ContributionRow; dataIndex: number }
  | { type: "group"; key: string; label: string }
  | { type: "subtotal"; key: string; label: string; rows: ContributionRow[] };

type Active = CellPosition;
interface Editing extends Active {
  value: string;
  mode: "enter" | "edit";
}


/**
 * The year's contributions as a spreadsheet (WAI-ARIA grid): one tab stop, arrows move the active cell,
 * typing or Enter/F2 edits, Enter/Tab save and move, Escape cancels, Ctrl+V pastes a block copied from
 * Excel, Ctrl+Z undoes. Rows are virtualized (only the visible ones are in the DOM), so 2,000 lines
 * scroll smoothly; totals and subtotals add up the stored, rounded EUR lines with decimal arithmetic.
 */
export function ContributionGrid({
  rows: serverRows,
  options,
  names,
  locale,
  canEdit,
  group,
  caption,
  onOpenDetails,
  editsRef,
}: {
  rows: ContributionRow[];
  options: GridOptions;
  names: GridNames;
  locale: Locale;
  canEdit: boolean;
  group: GridGroup | null;
  caption: string;
  onOpenDetails: (row: ContributionRow) => void;
  /** Lets the page's toolbar add a row the grid then shows and focuses. */
  editsRef?: React.RefObject<{ addRow: (row: ContributionRow) => void; replaceRow: (row: ContributionRow) => void; removeRow: (id: number) => void } | null>;
}) {
  const t = useTranslations("contributions");
  const tc = useTranslations();
  const id = useId();
  const edits = useGridEdits({ serverRows, locale });
  const { rows, marks } = edits;
  const [active, setActive] = useState<Active>({ row: 0, col: 0 });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [conflictAt, setConflictAt] = useState<{ id: number; field: CellField } | null>(null);
  const [announcement, setAnnouncement] = useState<{ text: string; urgent: boolean } | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusWanted = useRef(false);
  // Bumped to send focus back to the active cell without moving it (after the conflict popover closes).
  const [focusTick, setFocusTick] = useState(0);

  const tt = useCallback((key: string, values?: Record<string, string | number>) => t(key as never, values as never), [t]);
  const messageOf = useCallback((ref: MessageRef) => tc(ref.key as never, (ref.n === undefined ? {} : { n: ref.n }) as never), [tc]);
  const columnLabel = useCallback((key: GridColumnKey) => (key === "actions" ? t("row.actions") : t(`fields.${key}` as never)), [t]);

  if (editsRef) editsRef.current = { addRow: edits.addRow, replaceRow: edits.replaceRow, removeRow: edits.removeRow };

  const columns = useMemo(
    () =>
      GRID_COLUMNS.map((c) =>
        column.display({
          id: c.key,
          header: () => columnLabel(c.key),
          cell: (info) => displayValue(c.key, info.row.original, names, locale, tt),
        }),
      ),
    [columnLabel, names, locale, tt],
  );
  const table = useTable({ features, columns, data: rows, getRowId: (row) => String(row.id) });
  const tableRows = table.getRowModel().rows;

  // Display order: rows, or groups of rows each followed by its subtotal.
  const items = useMemo<Item[]>(() => {
    if (!group) return tableRows.map((r, dataIndex) => ({ type: "row", row: r.original, dataIndex }));
    const keyOf = (row: ContributionRow) => (group === "ministry" ? String(row.payingMinistryId ?? "") : String(row.organizationId));
    const labelOf = (row: ContributionRow) =>
      group === "ministry"
        ? (names.ministry(row.payingMinistryId) ?? t("grid.noMinistry"))
        : `${row.acronym} — ${names.organization(row.organizationId) ?? ""}`;
    const groups = new Map<string, { label: string; rows: ContributionRow[] }>();
    for (const r of tableRows) {
      const key = keyOf(r.original);
      const entry = groups.get(key) ?? { label: labelOf(r.original), rows: [] };
      entry.rows.push(r.original);
      groups.set(key, entry);
    }
    const ordered = [...groups.entries()].sort(([, a], [, b]) => a.label.localeCompare(b.label, "lv"));
    const out: Item[] = [];
    let dataIndex = 0;
    for (const [key, entry] of ordered) {
      out.push({ type: "group", key, label: entry.label });
      for (const row of entry.rows) out.push({ type: "row", row, dataIndex: dataIndex++ });
      out.push({ type: "subtotal", key, label: entry.label, rows: entry.rows });
    }
    return out;
  }, [group, tableRows, names, t]);

  const dataItems = useMemo(() => items.flatMap((item, index) => (item.type === "row" ? [{ row: item.row, index }] : [])), [items]);
  const rowCount = dataItems.length;
  const colCount = GRID_COLUMNS.length;
  const clamp = (a: Active): Active => ({
    row: Math.max(0, Math.min(rowCount - 1, a.row)),
    col: Math.max(0, Math.min(colCount - 1, a.col)),
  });
  const current = rowCount ? clamp(active) : null;

  // TanStack Virtual hands out fresh functions on purpose; nothing here is memoized by the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    // The server renders the first screenful too (before the browser has measured the box).
    initialRect: { width: 1280, height: 700 },
    // The sticky header row sits above the first line.
    scrollPaddingStart: ROW_HEIGHT + 4,
    scrollPaddingEnd: ROW_HEIGHT + 4,
  });

  const cellId = (row: number, col: number) => `${id}-c-${row}-${col}`;

  // Focus follows the active cell when the grid has focus (or an edit just ended): never on first render.
  useEffect(() => {
    if (!current || editing || !focusWanted.current) return;
    const itemIndex = dataItems[current.row]?.index;
    if (itemIndex === undefined) return;
    virtualizer.scrollToIndex(itemIndex, { align: "auto" });
    const frame = requestAnimationFrame(() => {
      // Never take focus from outside the grid (a conflict popover, a dialog) when the frame comes late.
      const focused = document.activeElement;
      if (focused && focused !== document.body && !scrollRef.current?.contains(focused)) return;
      document.getElementById(cellId(current.row, current.col))?.focus({ preventScroll: false });
    });
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a move of the active cell (or the end of an edit) moves focus
  }, [current?.row, current?.col, editing, focusTick]);

  const announce = (text: string, urgent = false) => setAnnouncement({ text, urgent });

  const rowAt = (r: number) => dataItems[r]?.row;
  const spec = (c: number): GridColumnSpec & { key: GridColumnKey } => GRID_COLUMNS[c]!;
  const fieldAt = (c: number): CellField | null => {
    return spec(c).field ?? null;
  };
  const editable = (r: number, c: number) => canEdit && fieldAt(c) !== null && rowAt(r) !== undefined;

  const move = (to: Active) => {
    focusWanted.current = true;
    setActive(clamp(to));
  };

  function startEdit(r: number, c: number, mode: "enter" | "edit", typed?: string) {
    const row = rowAt(r);
    const field = fieldAt(c);
    if (!row || !field) return;
    if (!canEdit) return announce(t("grid.readOnlyCell"));
    const mark = marks.get(markKey(row.id, field));
    const options = spec(c).editor === "select" ? cellOptions(field, row, options_, locale, tt) : null;
    let value = mark && mark.state !== "pending" ? mark.draft : rawValue(row, field, locale);
    if (typed !== undefined) {
      if (options) {
        // Type-ahead: the first option whose label starts with the typed letter.
        const hit = options.find((o) => !o.disabled && o.label.toLocaleLowerCase().startsWith(typed.toLocaleLowerCase()));
        if (hit) value = hit.value;
      } else {
        value = typed;
      }
    }
    setEditing({ row: r, col: c, value, mode });
  }
  const options_ = options;

  function commit(value: string, moveTo: CommitMove) {
    if (!editing) return;
    const row = rowAt(editing.row);
    const field = fieldAt(editing.col);
    const { row: r, col: c } = editing;
    setEditing(null);
    focusWanted.current = true;
    if (moveTo === "down") move({ row: r + 1, col: c });
    else if (moveTo === "up") move({ row: r - 1, col: c });
    else if (moveTo === "right") move({ row: r, col: c + 1 });
    else if (moveTo === "left") move({ row: r, col: c - 1 });
    if (!row || !field) return;
    const mark = marks.get(markKey(row.id, field));
    if (value === rawValue(row, field, locale) && mark?.state !== "rejected") {
      if (mark?.state === "conflict") edits.dismiss({ id: row.id, field });
      return;
    }
    void submit([{ id: row.id, field, draft: value }]);
  }

  /** Checks the cells in the browser with the action's own parser, then sends them all or none. */
  async function submit(cells: DraftCell[], undo = false) {
    const bad = cells.flatMap((cell) => {
      const parsed = parseCell(cell.field, cell.draft, locale);
      if (parsed.ok) return [];
      const [key = "invalid", n] = parsed.message.split(":");
      return [{ ...cell, message: messageOf({ key: `validation.${key}`, n: n === undefined ? undefined : Number(n) }) }];
    });
    if (bad.length) {
      edits.reject(bad);
      announce(cells.length === 1 ? t("grid.rejected", { message: bad[0]!.message }) : t("grid.rejectedBlock", { count: bad.length }), true);
      return;
    }
    announce(t("grid.saving"));
    const outcome = await edits.save(cells, { undo, messageOf });
    if (outcome.ok) {
      announce(undo ? t("grid.undone") : cells.length === 1 ? t("grid.saved") : t("grid.savedCells", { count: outcome.saved }));
    } else if (outcome.error === "conflict") {
      announce(tc("actionErrors.conflict"), true);
      if (outcome.conflict) setConflictAt(outcome.conflict);
    } else if (outcome.error === "invalid") {
      announce(cells.length === 1 ? t("grid.rejected", { message: outcome.message ?? "" }) : t("grid.rejectedBlock", { count: outcome.rejected }), true);
    } else {
      announce(tc(`actionErrors.${outcome.error}` as never), true);
    }
  }

  function onPaste(event: React.ClipboardEvent) {
    if (editing || !current) return;
    event.preventDefault();
    if (!canEdit) return announce(t("grid.readOnlyCell"), true);
    void pasteBlock(event.clipboardData.getData("text/plain"), current);
  }

  async function pasteBlock(text: string, current: Active) {
    // The TSV parser (Excel quotes cells holding tabs or line breaks) loads with the first paste, not the page.
    const { default: Papa } = await import("papaparse");
    const parsed = Papa.parse<string[]>(text.replace(/\r?\n$/, ""), { delimiter: "\t", quoteChar: '"' });
    const block = parsed.data.filter((line, index, all) => !(index === all.length - 1 && line.length === 1 && line[0] === ""));
    if (block.length === 0) return;
    const width = Math.max(...block.map((line) => line.length));
    if (current.row + block.length > rowCount || current.col + width > colCount) return announce(t("grid.pasteTooBig"), true);
    const readOnly = new Set<string>();
    for (let c = current.col; c < current.col + width; c++) if (!fieldAt(c)) readOnly.add(columnLabel(spec(c).key));
    if (readOnly.size) return announce(t("grid.pasteReadOnly", { columns: [...readOnly].join(", ") }), true);
    const cells: DraftCell[] = [];
    block.forEach((line, dr) => {
      const row = rowAt(current.row + dr)!;
      line.forEach((value, dc) => {
        const c = current.col + dc;
        const field = fieldAt(c)!;
        const opts = spec(c).editor === "select" ? cellOptions(field, row, options, locale, tt) : [];
        cells.push({ id: row.id, field, draft: opts.length ? pastedValue(field, value, opts) : value });
      });
    });
    void submit(cells);
  }

  function onCopy(event: React.ClipboardEvent) {
    if (editing || !current) return;
    const row = rowAt(current.row);
    if (!row) return;
    event.preventDefault();
    const key = spec(current.col).key;
    const field = fieldAt(current.col);
    // Editable values are copied as they would be typed (pasting them back is exact); the rest as shown.
    const text = field && spec(current.col).editor === "text" ? rawValue(row, field, locale) : displayValue(key, row, names, locale, tt);
    event.clipboardData.setData("text/plain", text);
  }

  function onKeyDown(event: React.KeyboardEvent) {
    if (editing || !current) return;
    const { row: r, col: c } = current;
    const ctrl = event.ctrlKey || event.metaKey;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 2);
    // Tab at the grid's edge is not handled: it leaves the grid (no keyboard trap).
    const target = nextCell(event.key, { ctrl, shift: event.shiftKey }, { row: r, col: c }, { rowCount, colCount, page });
    if (target) {
      event.preventDefault();
      return move(target);
    }
    switch (event.key) {
      case "Enter":
      case "F2": {
        event.preventDefault();
        const key = spec(c).key;
        if (key === "organization" || key === "actions") return onOpenDetails(rowAt(r)!);
        return startEdit(r, c, "edit");
      }
      case "Escape": {
        const row = rowAt(r);
        const field = fieldAt(c);
        if (row && field && marks.has(markKey(row.id, field))) {
          event.preventDefault();
          edits.dismiss({ id: row.id, field });
        }
        return;
      }
      case "Delete":
      case "Backspace": {
        const row = rowAt(r);
        const field = fieldAt(c);
        if (!row || !field) return;
        event.preventDefault();
        if (!canEdit) return announce(t("grid.readOnlyCell"));
        return void submit([{ id: row.id, field, draft: "" }]);
      }
      default:
        break;
    }
    if (ctrl && event.key.toLowerCase() === "z") {
      event.preventDefault();
      if (!canEdit) return;
      void edits.undo(messageOf).then((outcome) => {
        if (!outcome) announce(t("grid.nothingToUndo"));
        else if (outcome.ok) announce(t("grid.undone"));
        else if (outcome.error === "conflict") {
          announce(tc("actionErrors.conflict"), true);
          if (outcome.conflict) setConflictAt(outcome.conflict);
        } else announce(tc(`actionErrors.${outcome.error}` as never), true);
      });
      return;
    }
    if (!ctrl && !event.altKey && event.key.length === 1 && editable(r, c)) {
      event.preventDefault();
      startEdit(r, c, "enter", event.key);
    } else if (!ctrl && !event.altKey && event.key.length === 1 && fieldAt(c) && !canEdit) {
      announce(t("grid.readOnlyCell"));
    }
  }

  const totals = useMemo(() => sumsOf(rows), [rows]);
  const virtualItems = virtualizer.getVirtualItems();
  const paddingTop = virtualItems[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (virtualItems.at(-1)?.end ?? 0);
  const conflictMark = conflictAt ? marks.get(markKey(conflictAt.id, conflictAt.field)) : undefined;
  const helpId = `${id}-help`;

  return (
    <div className="flex flex-col gap-2">
      <p id={helpId} className="text-muted-foreground text-sm">
        {canEdit ? t("grid.help") : t("readOnly")}
      </p>
      <div
        ref={scrollRef}
        // Not a tab stop of its own (Chrome makes scroll boxes focusable): the grid's active cell is.
        tabIndex={-1}
        className="relative max-h-[70vh] overflow-auto rounded-md border"
      >
        <table
          role="grid"
          aria-rowcount={rowCount + 2}
          aria-colcount={colCount}
          aria-describedby={helpId}
          aria-readonly={!canEdit || undefined}
          className="w-max table-fixed border-separate border-spacing-0 text-sm"
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onCopy={onCopy}
          onFocus={() => (focusWanted.current = true)}
        >
          <caption className="sr-only">{caption}</caption>
          <colgroup>
            {GRID_COLUMNS.map((c) => (
              <col key={c.key} style={{ width: c.width }} />
            ))}
          </colgroup>
          <thead className="bg-muted sticky top-0 z-20">
            {table.getHeaderGroups().map((headerGroup) => (
              <tr key={headerGroup.id} aria-rowindex={1}>
                {headerGroup.headers.map((header, c) => (
                  <th
                    key={header.id}
                    scope="col"
                    aria-colindex={c + 1}
                    className={cn(
                      "h-9 border-b px-2 text-left font-medium whitespace-nowrap",
                      spec(c).numeric && "text-right",
                      c === 0 && "bg-muted sticky left-0 z-30",
                    )}
                  >
                    {spec(c).key === "actions" ? <span className="sr-only">{columnLabel("actions")}</span> : <table.FlexRender header={header} />}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr aria-hidden>
                <td style={{ height: paddingTop }} colSpan={colCount} />
              </tr>
            )}
            {rowCount === 0 && (
              <tr>
                <td colSpan={colCount} className="text-muted-foreground px-3 py-6 text-center">
                  {t("grid.noMatches")}
                </td>
              </tr>
            )}
            {virtualItems.map((v) => {
              const item = items[v.index]!;
              if (item.type === "group") {
                return (
                  <tr key={`g-${item.key}`} className="bg-muted/60" style={{ height: ROW_HEIGHT }}>
                    <th scope="colgroup" colSpan={colCount} className="sticky left-0 px-2 text-left font-semibold">
                      {item.label}
                    </th>
                  </tr>
                );
              }
              if (item.type === "subtotal") {
                return <SumRow key={`s-${item.key}`} label={t("grid.subtotal", { name: item.label })} sums={sumsOf(item.rows)} locale={locale} subtle />;
              }
              const row = item.row;
              const r = item.dataIndex;
              const tableRow = table.getRow(String(row.id));
              return (
                <tr
                  key={row.id}
                  aria-rowindex={r + 2}
                  style={{ height: ROW_HEIGHT }}
                  className={cn(row.overdue && "bg-red-50 dark:bg-red-950/30", row.status === "cancelled" && "text-muted-foreground line-through")}
                  data-testid="grid-row"
                  data-id={row.id}
                  data-version={row.version}
                >
                  {tableRow.getAllCells().map((cell, c) => {
                    const s = spec(c);
                    const field = s.field ?? null;
                    const mark = field ? marks.get(markKey(row.id, field)) : undefined;
                    const isActive = current?.row === r && current.col === c;
                    const isEditing = editing?.row === r && editing.col === c;
                    const Cell = c === 0 ? "th" : "td";
                    const messageId = mark && mark.state !== "pending" ? `${cellId(r, c)}-msg` : undefined;
                    return (
                      <Cell
                        key={cell.id}
                        id={cellId(r, c)}
                        scope={c === 0 ? "row" : undefined}
                        role={c === 0 ? "rowheader" : "gridcell"}
                        aria-colindex={c + 1}
                        tabIndex={isActive && !isEditing ? 0 : -1}
                        aria-invalid={mark?.state === "rejected" || mark?.state === "conflict" || undefined}
                        aria-describedby={messageId}
                        aria-readonly={field && canEdit ? undefined : true}
                        aria-busy={mark?.state === "pending" || undefined}
                        data-field={s.key}
                        onMouseDown={() => {
                          if (!isEditing) move({ row: r, col: c });
                        }}
                        onDoubleClick={() => (field ? startEdit(r, c, "edit") : onOpenDetails(row))}
                        className={cn(
                          "relative overflow-hidden border-b px-2 text-left font-normal whitespace-nowrap text-ellipsis",
                          s.numeric && "text-right tabular-nums",
                          c === 0 && "sticky left-0 z-10 font-medium",
                          c === 0 && (row.overdue ? "bg-red-50 dark:bg-red-950" : "bg-background"),
                          isActive && "outline-primary outline-2 -outline-offset-2",
                          mark?.state === "pending" && "text-muted-foreground italic",
                          (mark?.state === "rejected" || mark?.state === "conflict") && "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
                        )}
                        title={mark && mark.state === "rejected" ? mark.message : undefined}
                      >
                        {isEditing && editing ? (
                          <CellEditor
                            label={t("grid.edit", { column: columnLabel(s.key) })}
                            value={editing.value}
                            options={s.editor === "select" && field ? cellOptions(field, row, options, locale, tt) : null}
                            mode={editing.mode}
                            invalid={mark?.state === "rejected"}
                            describedBy={messageId}
                            onChange={(value) => setEditing({ ...editing, value })}
                            onCommit={commit}
                            onCancel={() => {
                              setEditing(null);
                              focusWanted.current = true;
                            }}
                          />
                        ) : s.key === "actions" ? (
                          <RowActions row={row} canEdit={canEdit} onOpenDetails={() => onOpenDetails(row)} onRemoved={edits.removeRow} onChanged={edits.replaceRow} />
                        ) : mark ? (
                          <span className="inline-flex items-center gap-1">
                            {mark.state !== "pending" && <AlertCircle className="size-3.5 shrink-0" aria-hidden />}
                            {mark.draft || "—"}
                          </span>
                        ) : (
                          <>
                            <table.FlexRender cell={cell} />
                            {s.key === "status" && row.overdue && <span className="ml-1 text-xs font-semibold text-red-700 dark:text-red-300">({t("grid.overdue")})</span>}
                          </>
                        )}
                        {messageId && mark && mark.state !== "pending" && (
                          <span id={messageId} className="sr-only">
                            {mark.state === "rejected" ? mark.message : tc("actionErrors.conflict")}
                          </span>
                        )}
                      </Cell>
                    );
                  })}
                </tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden>
                <td style={{ height: paddingBottom }} colSpan={colCount} />
              </tr>
            )}
          </tbody>
          <tfoot className="bg-muted sticky bottom-0 z-20">
            <SumRow label={t("grid.total")} sums={totals} locale={locale} rowIndex={rowCount + 2} />
          </tfoot>
        </table>
      </div>
      <div role="status" aria-live="polite" className="text-muted-foreground min-h-5 text-sm" data-testid="grid-status">
        {announcement && !announcement.urgent ? announcement.text : ""}
      </div>
      <div role="alert" className="text-destructive min-h-0 text-sm font-medium" data-testid="grid-alert">
        {announcement?.urgent ? announcement.text : ""}
      </div>
      {conflictAt && conflictMark?.state === "conflict" && (
        <ConflictPopover
          anchorId={(() => {
            const r = dataItems.findIndex((d) => d.row.id === conflictAt.id);
            const c = GRID_COLUMNS.findIndex((col) => "field" in col && col.field === conflictAt.field);
            return cellId(r, c);
          })()}
          column={columnLabel(GRID_COLUMNS.find((col) => "field" in col && col.field === conflictAt.field)!.key)}
          theirs={conflictMark.theirs}
          theirValue={displayValue(GRID_COLUMNS.find((col) => "field" in col && col.field === conflictAt.field)!.key, conflictMark.theirs, names, locale, tt)}
          mine={conflictMark.draft}
          locale={locale}
          onKeepTheirs={() => {
            edits.dismiss(conflictAt);
            setConflictAt(null);
            focusWanted.current = true;
            setFocusTick((n) => n + 1);
          }}
          onUseMine={() => {
            const cell = { ...conflictAt, draft: conflictMark.draft };
            setConflictAt(null);
            focusWanted.current = true;
            setFocusTick((n) => n + 1);
            void submit([cell]);
          }}
        />
      )}
    </div>
  );
}
