"use client";

import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The list could not be read: said as an error, with a way to try again, never as "no rows". */
export function DataTableError({ onRetry }: { onRetry: () => void }) {
  const t = useTranslations("dataTable");
  return (
    <Alert variant="destructive" role="alert" className="my-2">
      <AlertTitle>{t("errorTitle")}</AlertTitle>
      <AlertDescription>
        <p>{t("errorText")}</p>
        <Button type="button" variant="outline" size="sm" className="mt-2" onClick={onRetry}>
          {t("retry")}
        </Button>
      </AlertDescription>
    </Alert>
  );
}
