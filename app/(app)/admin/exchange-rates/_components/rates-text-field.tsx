"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { fieldIds } from "@/components/form/field-frame";
import { FieldMessage } from "@/components/form/field-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/**
 * A text field like components/form's, whose messages may also be this page's own (a rate's 8 decimals,
 * ISO 4217 codes): those are looked up in `exchangeRates.errors`, every other key in `validation`.
 */
export function RatesTextField<T extends FieldValues>({
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
  const t = useTranslations("exchangeRates.errors");
  const id = `field-${name}`;
  const message = form.formState.errors[name]?.message;
  const error = typeof message === "string" ? message : undefined;
  const { describedBy, hintId, errorId } = fieldIds(id, hint, error);
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} aria-invalid={!!error} aria-describedby={describedBy} {...input} {...form.register(name)} />
      {hint && (
        <p id={hintId} className="text-muted-foreground text-sm">
          {hint}
        </p>
      )}
      {error && t.has(error) ? (
        <p id={errorId} className="text-destructive text-sm">
          {t(error)}
        </p>
      ) : (
        <FieldMessage id={errorId} messages={error} />
      )}
    </div>
  );
}
