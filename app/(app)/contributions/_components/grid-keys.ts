/** A cell of the grid by position (data row, column). */
export interface CellPosition {
  row: number;
  col: number;
}

/**
 * Where a navigation key moves the active cell, as in a spreadsheet: arrows by one (Ctrl: to the edge),
 * Home/End along the row (Ctrl: to the first/last cell), PageUp/PageDown by a screenful, Tab/Shift+Tab
 * sideways. Null when the key does not move: another key, or Tab at the grid's edge, which leaves the grid
 * (no keyboard trap). The caller clamps the result to the grid.
 */
export function nextCell(
  key: string,
  modifiers: { ctrl: boolean; shift: boolean },
  { row, col }: CellPosition,
  { rowCount, colCount, page }: { rowCount: number; colCount: number; page: number },
): CellPosition | null {
  const { ctrl, shift } = modifiers;
  switch (key) {
    case "ArrowDown":
      return { row: ctrl ? rowCount - 1 : row + 1, col };
    case "ArrowUp":
      return { row: ctrl ? 0 : row - 1, col };
    case "ArrowRight":
      return { row, col: ctrl ? colCount - 1 : col + 1 };
    case "ArrowLeft":
      return { row, col: ctrl ? 0 : col - 1 };
    case "Home":
      return ctrl ? { row: 0, col: 0 } : { row, col: 0 };
    case "End":
      return ctrl ? { row: rowCount - 1, col: colCount - 1 } : { row, col: colCount - 1 };
    case "PageDown":
      return { row: row + page, col };
    case "PageUp":
      return { row: row - page, col };
    case "Tab":
      if (shift ? col === 0 : col === colCount - 1) return null;
      return { row, col: shift ? col - 1 : col + 1 };
    default:
      return null;
  }
}
