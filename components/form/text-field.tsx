"use client";

import type { ComponentProps } from "react";
import { type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { Input } from "@/components/ui/input";
import { FieldFrame, fieldIds } from "./field-frame";

/** A labelled input bound to a react-hook-form field, with its message announced and linked to it. */
export function TextField<T extends FieldValues>({
  form,
  name,
  label,
  hint,
  messagesNamespace,
  ...input
}: {
  form: UseFormReturn<T>;
  name: Path<T>;
  label: string;
  hint?: string;
  /** A page's own message catalog, looked up before `validation`. */
  messagesNamespace?: string;
} & Omit<ComponentProps<"input">, "name" | "form">) {
  const id = `field-${name}`;
  const message = form.formState.errors[name]?.message;
  const error = typeof message === "string" ? message : undefined;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} messagesNamespace={messagesNamespace}>
      <Input id={id} aria-invalid={!!error} aria-describedby={fieldIds(id, hint, error).describedBy} {...input} {...form.register(name)} />
    </FieldFrame>
  );
}
