"use client";

import { type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";
import { FieldMessage } from "./field-message";

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
}: {
  form: UseFormReturn<T>;
  name: Path<T>;
  label: string;
  options: readonly { value: string; label: string }[];
  hint?: string;
  disabled?: boolean;
}) {
  const id = `field-${name}`;
  const error = form.formState.errors[name]?.message;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={id}>{label}</Label>
      <select
        id={id}
        disabled={disabled}
        aria-invalid={!!error}
        aria-describedby={describedBy}
        className={cn(
          "border-input h-9 w-full rounded-md border bg-transparent px-3 py-1 text-base shadow-xs md:text-sm",
          "focus-visible:border-ring aria-invalid:border-destructive disabled:opacity-50",
        )}
        {...form.register(name)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="text-muted-foreground text-sm">
          {hint}
        </p>
      )}
      <FieldMessage id={`${id}-error`} messages={typeof error === "string" ? error : undefined} />
    </div>
  );
}
