"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import type { ActionErrorCode } from "@/lib/errors";
import { messageParts } from "@/lib/validation";
import { prepareNextYear } from "../years/actions";

interface Failure {
  code: ActionErrorCode;
  messages: string[];
}

/**
 * "Prepare {year+1}": a confirmation that says how many lines of `year` will be copied, then the copy
 * (all or nothing, on the server) and the next year's grid. `ministryId` = copy that ministry's lines
 * (a scoped editor's own); null = every ministry's (unscoped users only: the server checks again).
 */
export function PrepareNextYear({ year, ministryId, lineCount }: { year: number; ministryId: number | null; lineCount: number }) {
  const t = useTranslations("contributionYears.prepare");
  const tErrors = useTranslations("contributionYears.errors");
  const tValidation = useTranslations("validation");
  const tAction = useTranslations("actionErrors");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [isPending, startTransition] = useTransition();
  const next = year + 1;

  if (lineCount === 0) return null;

  // Our own keys first, then the common validation catalog (the same key may be in both: ours says more).
  const message = (raw: string) => {
    const { key, n } = messageParts(raw);
    if (tErrors.has(key)) return tErrors(key);
    return tValidation.has(key) ? tValidation(key, { n: n ?? 0 }) : tValidation("invalid");
  };

  const confirm = () =>
    startTransition(async () => {
      setFailure(null);
      let result: Awaited<ReturnType<typeof prepareNextYear>>;
      try {
        result = await prepareNextYear({ fromYear: year, ministryId });
      } catch {
        setFailure({ code: "unavailable", messages: [] });
        return;
      }
      if (result.ok) {
        setOpen(false);
        router.push(`/contributions?year=${next}`);
        return;
      }
      setFailure({ code: result.error, messages: Object.values(result.fieldErrors ?? {}).flat() });
    });

  return (
    <Dialog
      open={open}
      onOpenChange={(value) => {
        if (isPending) return;
        setOpen(value);
        if (!value) setFailure(null);
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant="outline">
          {t("button", { year: String(next) })}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")}>
        <DialogHeader>
          <DialogTitle>{t("title", { year: String(year), next: String(next) })}</DialogTitle>
          <DialogDescription>{t("body", { count: lineCount, year: String(year), next: String(next) })}</DialogDescription>
        </DialogHeader>
        {ministryId !== null && <p className="text-sm">{t("bodyMinistry")}</p>}
        <p className="text-sm">{t("refusedIfExists", { next: String(next) })}</p>
        {failure && (
          <Alert variant="destructive">
            <AlertTitle>{failure.messages.length ? message(failure.messages[0]!) : tAction(failure.code)}</AlertTitle>
            {failure.messages.length > 1 && <AlertDescription>{failure.messages.slice(1).map(message).join(" ")}</AlertDescription>}
          </Alert>
        )}
        <DialogFooter>
          <Button type="button" variant="outline" disabled={isPending} onClick={() => setOpen(false)}>
            {t("cancel")}
          </Button>
          <Button type="button" disabled={isPending} onClick={confirm}>
            {isPending ? t("working") : t("confirm", { count: lineCount })}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
