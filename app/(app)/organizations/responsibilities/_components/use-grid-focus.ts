"use client";

import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";

export interface GridPosition {
  row: number;
  col: number;
}

/** Rows a Page Up / Page Down jumps. */
const PAGE = 10;

/**
 * Roving tabindex of a data grid (WAI-ARIA APG "Data Grid"): one element of the grid is in the tab
 * order; arrows, Home/End (with Ctrl: first/last cell), Page Up/Down move it and focus follows. Each
 * position's focusable element is the cell itself or, when the cell holds one control, that control.
 * https://www.w3.org/WAI/ARIA/apg/patterns/grid/#datagridsforpresentingtabularinformation
 */
export function useGridFocus(rowCount: number, colCount: number, initial: GridPosition, content: unknown) {
  const [active, setActive] = useState<GridPosition>(initial);
  const elements = useRef(new Map<string, HTMLElement>());
  const refocus = useRef(false);
  // After filtering, the grid may be smaller than the remembered position.
  const current = { row: Math.max(0, Math.min(active.row, rowCount - 1)), col: Math.max(0, Math.min(active.col, colCount - 1)) };

  // A change can swap a cell's control for a read-only cell (a scoped editor who handed the lead away):
  // the focused element is gone, so focus goes to what now stands at the same position.
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    if (document.activeElement === document.body || document.activeElement === null) {
      elements.current.get(`${current.row}:${current.col}`)?.focus();
    }
    // Only when the grid's content arrives, not on every move.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [content]);

  const moveTo = useCallback((next: GridPosition) => {
    setActive(next);
    elements.current.get(`${next.row}:${next.col}`)?.focus();
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const row = Number(event.currentTarget.dataset.gridRow);
      const col = Number(event.currentTarget.dataset.gridCol);
      if (Number.isNaN(row) || Number.isNaN(col) || event.altKey || event.metaKey) return;
      const lastRow = rowCount - 1;
      const lastCol = colCount - 1;
      let next: GridPosition;
      switch (event.key) {
        case "ArrowRight":
          next = { row, col: Math.min(col + 1, lastCol) };
          break;
        case "ArrowLeft":
          next = { row, col: Math.max(col - 1, 0) };
          break;
        case "ArrowDown":
          next = { row: Math.min(row + 1, lastRow), col };
          break;
        case "ArrowUp":
          next = { row: Math.max(row - 1, 0), col };
          break;
        case "Home":
          next = event.ctrlKey ? { row: 0, col: 0 } : { row, col: 0 };
          break;
        case "End":
          next = event.ctrlKey ? { row: lastRow, col: lastCol } : { row, col: lastCol };
          break;
        case "PageDown":
          next = { row: Math.min(row + PAGE, lastRow), col };
          break;
        case "PageUp":
          next = { row: Math.max(row - PAGE, 0), col };
          break;
        default:
          return;
      }
      // Also keeps a menu trigger from opening on ArrowDown: Radix skips its handler once ours prevented it.
      event.preventDefault();
      moveTo(next);
    },
    [rowCount, colCount, moveTo],
  );

  /** Props of the focusable element at a position. */
  const cellProps = (row: number, col: number) => ({
    "data-grid-row": row,
    "data-grid-col": col,
    tabIndex: row === current.row && col === current.col ? 0 : -1,
    onKeyDown,
    ref: (element: HTMLElement | null) => {
      const key = `${row}:${col}`;
      if (element) elements.current.set(key, element);
      else elements.current.delete(key);
    },
  });

  /** On the grid: a click (or any focus) inside makes that position the active one. */
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const { gridRow, gridCol } = (event.target as HTMLElement).dataset ?? {};
    if (gridRow === undefined || gridCol === undefined) return;
    const next = { row: Number(gridRow), col: Number(gridCol) };
    if (next.row !== current.row || next.col !== current.col) setActive(next);
  };

  /** Before a change whose new content may replace the focused element: true; when none will come: false. */
  const keepFocus = (on: boolean) => {
    refocus.current = on;
  };

  return { cellProps, onFocus, keepFocus };
}
