"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { resolveLocale } from "@/lib/i18n/config";
import { applyImport } from "../actions";

/**
 * "Apply N new and M changed lines": asks first, then writes all of them or none. A conflict (the register
 * moved since the dry run) keeps the mapping on the page and asks for another dry run.
 */
export function ApplyImport({ id, version, newCount, changedCount }: { id: number; version: number; newCount: number; changedCount: number }) {
  const t = useTranslations("import");
  const tc = useTranslations();
  const locale = resolveLocale(useLocale());
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const counts = { new: newCount, changed: changedCount };
  const nothing = newCount + changedCount === 0;

  function run() {
    startTransition(async () => {
      setError(null);
      let result: Awaited<ReturnType<typeof applyImport>>;
      try {
        result = await applyImport({ id, version, locale });
      } catch {
        result = { ok: false, error: "unavailable" };
      }
      setOpen(false);
      // Success re-renders the page as applied (the action revalidates it); only refusals are told here.
      if (result.ok) return;
      const reason = (result.current as { reason?: string } | undefined)?.reason;
      const form = result.fieldErrors?._form?.[0];
      if (result.error === "conflict" && reason === "changedSincePreview") setError(t("apply.conflict"));
      else if (form && t.has(`apply.${form}`)) setError(t(`apply.${form}` as never));
      else setError(tc(`actionErrors.${result.error}` as never));
    });
  }

  return (
    <div className="flex flex-col items-start gap-2">
      <Button onClick={() => setOpen(true)} disabled={nothing || pending}>
        {pending ? t("apply.applying") : t("apply.button", counts)}
      </Button>
      {nothing && <p className="text-muted-foreground text-sm">{t("apply.nothing")}</p>}
      {error && (
        <p role="alert" className="text-destructive text-sm" data-testid="apply-error">
          {error}
        </p>
      )}
      {open && (
        <Dialog open onOpenChange={(next) => !next && setOpen(false)}>
          <DialogContent closeLabel={t("apply.cancel")}>
            <DialogHeader>
              <DialogTitle>{t("apply.confirmTitle")}</DialogTitle>
              <DialogDescription>{t("apply.confirmText", counts)}</DialogDescription>
            </DialogHeader>
            <DialogFooter>
              <Button variant="outline" onClick={() => setOpen(false)}>
                {t("apply.cancel")}
              </Button>
              <Button disabled={pending} onClick={run}>
                {t("apply.confirm")}
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      )}
    </div>
  );
}
