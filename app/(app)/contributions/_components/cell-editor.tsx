"use client";

import { useEffect, useRef } from "react";
import type { Option } from "./grid-columns";

export type CommitMove = "down" | "up" | "right" | "left" | "none";

/**
 * The input of the cell being edited. Started by typing ("enter" mode: arrows finish the edit and move, as
 * in Excel) or by Enter/F2 ("edit" mode: arrows move the caret). Enter saves and moves down, Tab/Shift+Tab
 * save and move sideways, Escape gives the old value back. Select cells use a native <select>: its type-ahead
 * and arrow keys work as everywhere else.
 */
export function CellEditor({
  label,
  value,
  options,
  mode,
  invalid,
  describedBy,
  onChange,
  onCommit,
  onCancel,
}: {
  label: string;
  value: string;
  options: Option[] | null;
  mode: "enter" | "edit";
  invalid: boolean;
  describedBy?: string;
  onChange: (value: string) => void;
  onCommit: (value: string, move: CommitMove) => void;
  onCancel: () => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  // One ending per edit: the blur that follows Enter/Tab/Escape (focus goes back to the grid) is not a second one.
  const ended = useRef(false);

  useEffect(() => {
    const input = inputRef.current;
    if (input) {
      input.focus();
      // Typing replaced the value: caret after the typed character. F2/Enter: caret at the end, like Excel.
      input.setSelectionRange(input.value.length, input.value.length);
    }
    selectRef.current?.focus();
  }, []);

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement | HTMLSelectElement>) {
    const current = event.currentTarget.value;
    const finish = (move: CommitMove) => {
      event.preventDefault();
      event.stopPropagation();
      ended.current = true;
      onCommit(current, move);
    };
    switch (event.key) {
      case "Enter":
        return finish(event.shiftKey ? "up" : "down");
      case "Tab":
        return finish(event.shiftKey ? "left" : "right");
      case "Escape":
        event.preventDefault();
        event.stopPropagation();
        ended.current = true;
        return onCancel();
      case "ArrowDown":
      case "ArrowUp":
        // A select's arrows change its value; a typed-into text cell's arrows finish the edit.
        if (options || mode === "edit") return event.stopPropagation();
        return finish(event.key === "ArrowDown" ? "down" : "up");
      case "ArrowLeft":
      case "ArrowRight":
        if (options || mode === "edit") return event.stopPropagation();
        return finish(event.key === "ArrowRight" ? "right" : "left");
      default:
        event.stopPropagation();
    }
  }

  // Leaving the cell with the mouse saves what was typed, as a spreadsheet does.
  function onBlur(event: React.FocusEvent<HTMLInputElement | HTMLSelectElement>) {
    if (ended.current) return;
    ended.current = true;
    onCommit(event.currentTarget.value, "none");
  }

  const className = "absolute inset-0 h-full w-full border-2 border-primary bg-background px-2 text-sm outline-none";

  if (options) {
    return (
      <select
        ref={selectRef}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
        className={className}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      ref={inputRef}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      autoComplete="off"
      spellCheck={false}
      aria-label={label}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
      className={`${className} ${invalid ? "text-destructive" : ""}`}
    />
  );
}
