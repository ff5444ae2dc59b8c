"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, type KeyboardEvent, type ReactNode } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { ConflictNotice, theirChanges } from "@/components/form/conflict-notice";
import { FieldMessage } from "@/components/form/field-message";
import { FormStatus } from "@/components/form/form-status";
import { SelectField } from "@/components/form/select-field";
import { TextAreaField } from "@/components/form/text-area-field";
import { TextField } from "@/components/form/text-field";
import { useActionForm, type FormFailure } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import type { PaymentRow } from "@/db/queries/payments";
import { amountForInput } from "@/lib/amount";
import { resolveLocale, type Locale } from "@/lib/i18n/config";
import { addPayment, updatePayment, type PaymentsChange } from "../payments/actions";
import { addPaymentSchema, updatePaymentSchema, type AddPaymentInput, type UpdatePaymentInput } from "../payments/schemas";

const FIELDS = ["paidOn", "amount", "currency", "notes"] as const;
type FieldName = (typeof FIELDS)[number];

/** Today in Riga, as <input type="date"> wants it. */
function todayIso(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Riga" }).format(new Date());
}

function editValues(payment: PaymentRow, locale: Locale): UpdatePaymentInput {
  return {
    id: payment.id,
    version: payment.version,
    paidOn: payment.paidOn,
    amount: amountForInput(payment.amount, locale),
    currency: payment.currency,
    notes: payment.notes ?? "",
    locale,
  };
}

interface Shared {
  currencies: readonly string[];
  /** The panel's heading for the form, e.g. "New payment". */
  title: string;
  onSaved: (data: PaymentsChange, message: string) => void;
  onCancel: () => void;
}

/** A new instalment: today's date and the contribution's currency to start with. */
export function AddPaymentForm({ contributionId, currency, ...shared }: Shared & { contributionId: number; currency: string | null }) {
  const t = useTranslations("payments");
  const locale = resolveLocale(useLocale());
  const { form, onSubmit, failure } = useActionForm<AddPaymentInput, PaymentsChange>({
    schema: addPaymentSchema,
    action: addPayment,
    defaultValues: { contributionId, paidOn: todayIso(), amount: "", currency: currency ?? "EUR", notes: "", locale },
    onSuccess: (data) => shared.onSaved(data, t("added")),
  });
  return <PaymentFormBody form={form} onSubmit={onSubmit} failure={failure} submitLabel={t("submitAdd")} {...shared} />;
}

/**
 * An instalment as saved: a stale version answers "conflict" with the payment as the other person saved it,
 * shown field by field, and loading it replaces the row in the list as well (`onTheirs`).
 */
export function EditPaymentForm({ payment, onTheirs, ...shared }: Shared & { payment: PaymentRow; onTheirs: (payment: PaymentRow) => void }) {
  const t = useTranslations("payments");
  const locale = resolveLocale(useLocale());
  const { form, onSubmit, failure, setFailure } = useActionForm<UpdatePaymentInput, PaymentsChange>({
    schema: updatePaymentSchema,
    action: updatePayment,
    defaultValues: editValues(payment, locale),
    onSuccess: (data) => shared.onSaved(data, t("saved")),
  });
  const current = failure?.code === "conflict" ? (failure.current as PaymentRow | undefined) : undefined;
  const conflict = current && (
    <ConflictNotice
      intro={t("conflictIntro", { who: current.updatedByName ?? t("conflictSomeone") })}
      changes={theirChanges(form.getValues(), editValues(current, locale), FIELDS, (_, value) => String(value ?? ""))}
      label={(field) => t(`fields.${field as FieldName}`)}
      empty={t("none")}
      loadLabel={t("loadTheirs")}
      onLoad={() => {
        form.reset(editValues(current, locale));
        setFailure(null);
        onTheirs(current);
      }}
    />
  );
  return <PaymentFormBody form={form} onSubmit={onSubmit} failure={failure} conflict={conflict} submitLabel={t("save")} {...shared} />;
}

function PaymentFormBody<T extends FieldValues>({
  form,
  onSubmit,
  failure,
  conflict,
  submitLabel,
  currencies,
  title,
  onCancel,
}: Omit<Shared, "onSaved"> & {
  form: UseFormReturn<T>;
  onSubmit: () => void;
  failure: FormFailure | null;
  conflict?: ReactNode;
  submitLabel: string;
}) {
  const t = useTranslations("payments");
  const name = (key: FieldName) => key as Path<T>;
  const current = String(form.getValues(name("currency")) ?? "");
  const options = [...new Set([...currencies, ...(current ? [current] : [])])].map((code) => ({ value: code, label: code }));
  // A message about the whole payment ("_form"), not one of its fields.
  const formMessage = (form.formState.errors as Record<string, { message?: unknown } | undefined>)._form?.message;

  useEffect(() => {
    form.setFocus(name("paidOn"));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the form opens
  }, []);

  // Esc leaves the form from any field, as it leaves a grid cell.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <form onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label={title} className="flex flex-col gap-4 rounded-md border p-4">
      <h3 className="font-semibold">{title}</h3>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField form={form} name={name("paidOn")} label={t("fields.paidOn")} type="date" min="1990-01-01" max="2100-12-31" />
        <TextField form={form} name={name("amount")} label={t("fields.amount")} hint={t("hints.amount")} inputMode="decimal" autoComplete="off" />
        <SelectField form={form} name={name("currency")} label={t("fields.currency")} hint={t("hints.currency")} options={options} />
      </div>
      <TextAreaField form={form} name={name("notes")} label={t("fields.notes")} rows={2} />
      {typeof formMessage === "string" &&
        (t.has(`errors.${formMessage}`) ? (
          <p className="text-destructive text-sm">{t(`errors.${formMessage}` as "errors.paymentCancelled")}</p>
        ) : (
          <FieldMessage id="payment-form-error" messages={formMessage} />
        ))}
      {failure && <FormStatus failure={failure} saved={false} conflict={conflict} />}
      <div className="flex gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {submitLabel}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
