"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

// Shows a generic message: the error's text may hold SQL or paths and never reaches the user;
// the digest lets an administrator find the logged error.
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div role="alert" className="flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("generic")}</p>
      {error.digest && <p className="text-muted-foreground text-sm">{t("reference", { digest: error.digest })}</p>}
      <div>
        <Button type="button" onClick={reset}>
          {t("retry")}
        </Button>
      </div>
    </div>
  );
}
