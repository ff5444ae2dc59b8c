import { describe, expect, it } from "vitest";
import { nextCell } from "@/app/(app)/contributions/_components/grid-keys";

const size = { rowCount: 50, colCount: 15, page: 10 };
const at = { row: 5, col: 3 };
const move = (key: string, ctrl = false, shift = false, from = at) => nextCell(key, { ctrl, shift }, from, size);

describe("grid keyboard navigation (Excel's moves)", () => {
  it("moves by one with the arrows and to the edge with Ctrl", () => {
    expect(move("ArrowDown")).toEqual({ row: 6, col: 3 });
    expect(move("ArrowUp")).toEqual({ row: 4, col: 3 });
    expect(move("ArrowRight")).toEqual({ row: 5, col: 4 });
    expect(move("ArrowLeft")).toEqual({ row: 5, col: 2 });
    expect(move("ArrowDown", true)).toEqual({ row: 49, col: 3 });
    expect(move("ArrowUp", true)).toEqual({ row: 0, col: 3 });
    expect(move("ArrowRight", true)).toEqual({ row: 5, col: 14 });
    expect(move("ArrowLeft", true)).toEqual({ row: 5, col: 0 });
  });

  it("goes along the row with Home/End and to the sheet's corners with Ctrl", () => {
    expect(move("Home")).toEqual({ row: 5, col: 0 });
    expect(move("End")).toEqual({ row: 5, col: 14 });
    expect(move("Home", true)).toEqual({ row: 0, col: 0 });
    expect(move("End", true)).toEqual({ row: 49, col: 14 });
  });

  it("pages by a screenful", () => {
    expect(move("PageDown")).toEqual({ row: 15, col: 3 });
    expect(move("PageUp")).toEqual({ row: -5, col: 3 });
  });

  it("moves sideways with Tab, and lets Tab leave the grid at its edges (no keyboard trap)", () => {
    expect(move("Tab")).toEqual({ row: 5, col: 4 });
    expect(move("Tab", false, true)).toEqual({ row: 5, col: 2 });
    expect(move("Tab", false, false, { row: 5, col: 14 })).toBeNull();
    expect(move("Tab", false, true, { row: 5, col: 0 })).toBeNull();
  });

  it("leaves every other key to the grid", () => {
    expect(move("Enter")).toBeNull();
    expect(move("a")).toBeNull();
    expect(move("F2")).toBeNull();
  });
});
