"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { FormStatus } from "@/components/form/form-status";
import { TextAreaField } from "@/components/form/text-area-field";
import { useActionForm, type FormFailure } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { closeFiscalYear, reopenFiscalYear } from "../actions";
import { reopenYearSchema, type ReopenYearInput } from "../schemas";

/** Close (after a confirmation) or reopen (with a reason) one year. */
export function YearActions({ year, closed }: { year: number; closed: boolean }) {
  const [open, setOpen] = useState(false);
  const [announce, setAnnounce] = useState<string | null>(null);
  const t = useTranslations("fiscalYears");
  const done = (text: string) => {
    setOpen(false);
    setAnnounce(text);
  };
  return (
    <div className="flex min-w-64 flex-col items-start gap-2">
      {!open && (
        <Button type="button" size="sm" variant="outline" onClick={() => {
            setAnnounce(null);
            setOpen(true);
          }}>
          {closed ? t("reopen", { year }) : t("close", { year })}
        </Button>
      )}
      {open && !closed && <CloseConfirm year={year} onDone={() => done(t("nowClosed", { year }))} onCancel={() => setOpen(false)} />}
      {open && closed && <ReopenForm year={year} onDone={() => done(t("nowOpen", { year }))} onCancel={() => setOpen(false)} />}
      <p role="status" className="text-sm text-emerald-700">
        {announce ?? ""}
      </p>
    </div>
  );
}

function CloseConfirm({ year, onDone, onCancel }: { year: number; onDone: () => void; onCancel: () => void }) {
  const t = useTranslations("fiscalYears");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);

  function confirm() {
    startTransition(async () => {
      setFailure(null);
      const result = await closeFiscalYear({ year: String(year) });
      if (!result.ok) {
        setFailure({ code: result.error, current: result.current });
        return;
      }
      onDone();
      router.refresh();
    });
  }
  return (
    <div ref={box} tabIndex={-1} role="group" aria-label={t("close", { year })} className="flex flex-col gap-2">
      <p className="text-sm whitespace-normal">{t("closeText", { year })}</p>
      <div className="flex gap-2">
        <Button type="button" size="sm" variant="destructive" disabled={pending} onClick={confirm}>
          {t("confirmClose", { year })}
        </Button>
        <Button type="button" size="sm" variant="outline" disabled={pending} onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
      <FormStatus failure={failure} saved={false} />
    </div>
  );
}

function ReopenForm({ year, onDone, onCancel }: { year: number; onDone: () => void; onCancel: () => void }) {
  const t = useTranslations("fiscalYears");
  const router = useRouter();
  const { form, onSubmit, failure } = useActionForm<ReopenYearInput, { year: number }>({
    schema: reopenYearSchema,
    action: reopenFiscalYear,
    defaultValues: { year: String(year), reason: "" },
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  useEffect(() => form.setFocus("reason"), [form]);
  return (
    <form onSubmit={onSubmit} className="flex w-full flex-col gap-2" noValidate>
      <input type="hidden" {...form.register("year")} />
      <TextAreaField form={form} name="reason" label={t("reason", { year })} hint={t("reasonHint")} rows={2} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="destructive" disabled={form.formState.isSubmitting}>
          {t("confirmReopen", { year })}
        </Button>
        <Button type="button" size="sm" variant="outline" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
      <FormStatus failure={failure} saved={false} />
    </form>
  );
}
