"use client";

import type { ComponentProps } from "react";
import { type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { cn } from "@/lib/utils";
import { FieldFrame, fieldIds } from "./field-frame";

/** A labelled multi-line field (notes) bound to a react-hook-form field, framed like every other field. */
export function TextAreaField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  rows = 3,
  ...textarea
}: {
  form: UseFormReturn<T>;
  name: Path<T>;
  label: string;
  hint?: string;
} & Omit<ComponentProps<"textarea">, "name" | "form">) {
  const id = `field-${name}`;
  const message = form.formState.errors[name]?.message;
  const error = typeof message === "string" ? message : undefined;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        rows={rows}
        aria-invalid={!!error}
        aria-describedby={fieldIds(id, hint, error).describedBy}
        className={cn(
          "border-input w-full rounded-md border bg-transparent px-3 py-2 text-base shadow-xs md:text-sm",
          "focus-visible:border-ring aria-invalid:border-destructive",
        )}
        {...textarea}
        {...form.register(name)}
      />
    </FieldFrame>
  );
}
