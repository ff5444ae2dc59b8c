"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { FormFailure } from "./use-action-form";

/**
 * What the form's last submission came to: the action's error in the user's language (a conflict may
 * bring its own details), or a polite "saved" announcement.
 */
export function FormStatus({
  failure,
  saved,
  savedText,
  conflict,
}: {
  failure: FormFailure | null;
  saved: boolean;
  savedText?: string;
  conflict?: ReactNode;
}) {
  const t = useTranslations("actionErrors");
  if (failure) {
    return (
      <Alert variant="destructive">
        <AlertTitle>{t(failure.code)}</AlertTitle>
        {failure.code === "conflict" && conflict && <AlertDescription>{conflict}</AlertDescription>}
      </Alert>
    );
  }
  return (
    <p role="status" className="text-sm text-emerald-700">
      {saved ? (savedText ?? t("saved")) : ""}
    </p>
  );
}
