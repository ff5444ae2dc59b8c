"use client";

import type { ComponentProps } from "react";
import { type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FieldMessage } from "./field-message";

/** A labelled input bound to a react-hook-form field, with its message announced and linked to it. */
export function TextField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  ...input
}: {
  form: UseFormReturn<T>;
  name: Path<T>;
  label: string;
  hint?: string;
} & Omit<ComponentProps<"input">, "name" | "form">) {
  const id = `field-${name}`;
  const error = form.formState.errors[name]?.message;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} aria-invalid={!!error} aria-describedby={describedBy} {...input} {...form.register(name)} />
      {hint && (
        <p id={`${id}-hint`} className="text-muted-foreground text-sm">
          {hint}
        </p>
      )}
      <FieldMessage id={`${id}-error`} messages={typeof error === "string" ? error : undefined} />
    </div>
  );
}
