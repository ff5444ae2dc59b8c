"use client";

import { useLocale, useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { FormStatus } from "@/components/form/form-status";
import type { FormFailure } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { StaleCount } from "@/db/queries/exchange-rates";
import { formatNumber } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { recalculateExchangeYear } from "../actions";
import { formatRate } from "@/lib/format";

/**
 * How many of a year's lines and payments an older rate row converted, per currency, and the explicit
 * step that converts them again with the row in force. A click asks first; the answer says what changed.
 */
export function RecalculatePanel({ year, stale, closed }: { year: number; stale: StaleCount[]; closed: boolean }) {
  const t = useTranslations("exchangeRates.recalc");
  const locale = resolveLocale(useLocale());
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [asking, setAsking] = useState<{ currency: string | null } | null>(null);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [done, setDone] = useState<{ lines: number; payments: number } | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const staleRows = stale.filter((s) => s.contributions + s.payments > 0);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  function showYear(formData: FormData) {
    const params = new URLSearchParams(searchParams.toString());
    params.set("recalcYear", String(formData.get("recalcYear") ?? ""));
    setAsking(null);
    setDone(null);
    setFailure(null);
    router.push(`${pathname}?${params}`, { scroll: false });
  }

  function recalculate(currency: string | null) {
    startTransition(async () => {
      setFailure(null);
      const result = await recalculateExchangeYear({ year: String(year), currency: currency ?? "" });
      setAsking(null);
      if (!result.ok) {
        setFailure({ code: result.error });
        return;
      }
      setDone({ lines: result.data.contributions, payments: result.data.payments });
      router.refresh();
    });
  }

  const chosen = asking ? staleRows.filter((s) => asking.currency === null || s.currency === asking.currency) : [];
  const sum = (key: "contributions" | "payments") => chosen.reduce((total, s) => total + s[key], 0);

  return (
    <div className="flex flex-col gap-4">
      <form action={showYear} className="flex items-end gap-2" key={year}>
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-year`}>{t("year")}</Label>
          <Input id={`${id}-year`} name="recalcYear" defaultValue={year} inputMode="numeric" maxLength={4} className="w-28" />
        </div>
        <Button type="submit" variant="outline">
          {t("show")}
        </Button>
      </form>

      {closed ? (
        <p className="text-sm">{t("closed", { year })}</p>
      ) : staleRows.length === 0 ? (
        <p className="text-sm">{t("nothing", { year })}</p>
      ) : (
        <>
          <div className="max-w-3xl rounded-md border">
            <Table>
              <TableCaption className="sr-only">{t("caption", { year })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead scope="col">{t("rateInForce")}</TableHead>
                  <TableHead scope="col" className="text-right">
                    {t("lines")}
                  </TableHead>
                  <TableHead scope="col" className="text-right">
                    {t("payments")}
                  </TableHead>
                  <TableHead scope="col">
                    <span className="sr-only">{t("confirm")}</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {staleRows.map((s) => (
                  <TableRow key={s.currency}>
                    <TableHead scope="row" className="font-normal">
                      {s.currency} {formatRate(s.unitsPerEur, locale)}
                    </TableHead>
                    <TableCell className="text-right tabular-nums">{formatNumber(s.contributions, locale)}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatNumber(s.payments, locale)}</TableCell>
                    <TableCell>
                      <Button type="button" size="sm" variant="outline" disabled={pending} onClick={() => setAsking({ currency: s.currency })}>
                        {t("recalculate", { currency: s.currency })}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {staleRows.length > 1 && (
            <div>
              <Button type="button" variant="outline" disabled={pending} onClick={() => setAsking({ currency: null })}>
                {t("recalculateAll", { year })}
              </Button>
            </div>
          )}
        </>
      )}

      {asking && (
        <div ref={confirmRef} tabIndex={-1} role="group" aria-labelledby={`${id}-confirm`} className="flex max-w-3xl flex-col gap-3 rounded-md border p-4">
          <p id={`${id}-confirm`}>{t("confirmText", { lines: sum("contributions"), payments: sum("payments"), year })}</p>
          <div className="flex gap-2">
            <Button type="button" variant="destructive" disabled={pending} onClick={() => recalculate(asking.currency)}>
              {t("confirm")}
            </Button>
            <Button type="button" variant="outline" disabled={pending} onClick={() => setAsking(null)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      )}
      <FormStatus failure={failure} saved={done !== null} savedText={done ? t("done", { lines: done.lines, payments: done.payments }) : undefined} />
    </div>
  );
}
