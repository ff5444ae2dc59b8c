"use client";

import type { ReactNode } from "react";
import { Label } from "@/components/ui/label";
import { FieldMessage } from "./field-message";

/** Ids that tie a control to its hint and message (aria-describedby), from the field's id. */
export function fieldIds(id: string, hint: string | undefined, error: string | undefined) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return { describedBy, hintId: `${id}-hint`, errorId: `${id}-error` };
}

/** Label above, control, then the hint and the validation message below: every field looks and reads alike. */
export function FieldFrame({
  id,
  label,
  hint,
  error,
  messagesNamespace,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** A page's own message catalog, looked up before `validation` (FieldMessage). */
  messagesNamespace?: string;
  children: ReactNode;
}) {
  const { hintId, errorId } = fieldIds(id, hint, error);
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint && (
        <p id={hintId} className="text-muted-foreground text-sm">
          {hint}
        </p>
      )}
      <FieldMessage id={errorId} messages={error} namespace={messagesNamespace} />
    </div>
  );
}
