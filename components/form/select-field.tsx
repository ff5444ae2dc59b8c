"use client";

import { get, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { cn } from "@/lib/utils";
import { FieldFrame, fieldIds } from "./field-frame";

/**
 * A native <select>: every browser and screen reader knows it, it works from the keyboard as people
 * expect, and react-hook-form binds it without glue.
 */
export function SelectField<T extends FieldValues>({
  form,
  name,
  label,
  options,
  hint,
  disabled,
  messagesNamespace,
  onValueChange,
}: {
  form: UseFormReturn<T>;
  name: Path<T>;
  label: string;
  options: readonly { value: string; label: string }[];
  hint?: string;
  disabled?: boolean;
  /** A page's own catalog for the field's messages (FieldFrame). */
  messagesNamespace?: string;
  /** Runs after the form has the new value: for fields whose choice fills in others. */
  onValueChange?: (value: string) => void;
}) {
  const id = `field-${name}`;
  // `get`: a nested name ("mapping.year") has its error nested too.
  const message = (get(form.formState.errors, name) as { message?: unknown } | undefined)?.message;
  const error = typeof message === "string" ? message : undefined;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} messagesNamespace={messagesNamespace}>
      <select
        id={id}
        disabled={disabled}
        aria-invalid={!!error}
        aria-describedby={fieldIds(id, hint, error).describedBy}
        className={cn(
          "border-input h-9 w-full rounded-md border bg-transparent px-3 py-1 text-base shadow-xs md:text-sm",
          "focus-visible:border-ring aria-invalid:border-destructive disabled:opacity-50",
        )}
        {...form.register(name, onValueChange ? { onChange: (event: React.ChangeEvent<HTMLSelectElement>) => onValueChange(event.target.value) } : undefined)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
