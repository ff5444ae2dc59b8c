"use client";

import { useId } from "react";
import { MAX_SEARCH } from "@/components/data-table/spec";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

const selectClass = "border-input h-9 rounded-md border bg-transparent px-2 text-sm shadow-xs";

export interface FilterOption {
  value: string;
  label: string;
}

/**
 * A labelled native <select> for a filter bar: keyboard and screen-reader behaviour come from the
 * browser. `allLabel` adds the empty choice ("all ministries") that clears the filter (value "").
 */
export function FilterSelect({
  label,
  value,
  onChange,
  options,
  allLabel,
  className,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly FilterOption[];
  allLabel?: string;
  className?: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} className={cn(selectClass, className)} value={value} onChange={(event) => onChange(event.target.value)}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled search box for a filter bar, capped at the length the server accepts. */
export function FilterSearch({
  label,
  value,
  onChange,
  placeholder,
  className,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  className?: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <Input id={id} type="search" className={cn("w-56", className)} maxLength={MAX_SEARCH} placeholder={placeholder} value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}
