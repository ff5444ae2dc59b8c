"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { FormStatus } from "@/components/form/form-status";
import type { FormFailure } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCaption, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ContributionRow } from "@/db/queries/contributions";
import type { PaymentRow } from "@/db/queries/payments";
import type { ActionErrorCode } from "@/lib/errors";
import { formatDate, formatMoney } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { deletePayment, loadContributionPayments, type PaymentsChange } from "../payments/actions";
import { formatRate } from "@/lib/format";
import { AddPaymentForm, EditPaymentForm } from "./payment-form";

/** What the panel shows; `currencies` (those with a rate for the year) come with its load, not with each write. */
export type PaymentsData = PaymentsChange & { currencies?: string[] };

interface PanelProps {
  contributionId: number;
  /** The data the page already has (the detail page); without it the panel loads its own (the grid). */
  initial?: PaymentsData;
  /** Editors in scope, while the year is open: the server checks again on every write. */
  canEdit: boolean;
  /** Every saved change brings the contribution back as the grid shows it (status, paid, outstanding). */
  onContributionChanged?: (row: ContributionRow) => void;
}

/**
 * A contribution's instalments with their totals, and (for editors) adding, correcting and deleting them.
 * Keyed by contribution, so that moving to another row starts from a clean panel.
 */
export function PaymentsPanel(props: PanelProps) {
  return <Panel key={props.contributionId} {...props} />;
}

function Panel({ contributionId, initial, canEdit, onContributionChanged }: PanelProps) {
  const t = useTranslations("payments");
  const [data, setData] = useState<PaymentsData | null>(initial ?? null);
  const [loadError, setLoadError] = useState<ActionErrorCode | null>(null);
  const [reload, setReload] = useState(initial ? 0 : 1);
  // A fresh server render (after a save revalidated the page) brings newer data than the panel's.
  const [seen, setSeen] = useState(initial);
  if (initial !== seen) {
    setSeen(initial);
    if (initial) setData((prev) => ({ ...initial, currencies: initial.currencies ?? prev?.currencies }));
  }

  useEffect(() => {
    if (reload === 0) return;
    let live = true;
    loadContributionPayments({ contributionId }).then(
      (result) => {
        if (!live) return;
        if (result.ok) setData(result.data);
        setLoadError(result.ok ? null : result.error);
      },
      () => live && setLoadError("unavailable"),
    );
    return () => {
      live = false;
    };
  }, [contributionId, reload]);

  if (!data) {
    if (loadError) {
      return (
        <div role="alert" className="flex flex-col items-start gap-2">
          <p>{t("loadFailed")}</p>
          <Button type="button" variant="outline" size="sm" onClick={() => setReload((n) => n + 1)}>
            {t("retry")}
          </Button>
        </div>
      );
    }
    return (
      <div aria-busy="true" className="flex flex-col gap-2">
        <span className="sr-only">{t("loading")}</span>
        <Skeleton className="h-8 w-full" />
        <Skeleton className="h-8 w-full" />
      </div>
    );
  }

  const changed = (next: PaymentsChange) => {
    setData((prev) => ({ ...next, currencies: prev?.currencies }));
    onContributionChanged?.(next.row);
  };
  return (
    <PaymentsView
      data={data}
      canEdit={canEdit}
      onChanged={changed}
      onPaymentReplaced={(payment) => setData((prev) => prev && { ...prev, payments: prev.payments.map((p) => (p.id === payment.id ? payment : p)) })}
      onStale={() => setReload((n) => n + 1)}
    />
  );
}

function PaymentsView({
  data,
  canEdit,
  onChanged,
  onPaymentReplaced,
  onStale,
}: {
  data: PaymentsData;
  canEdit: boolean;
  onChanged: (data: PaymentsChange) => void;
  onPaymentReplaced: (payment: PaymentRow) => void;
  /** The list no longer matches the database (a payment someone deleted): load it again. */
  onStale: () => void;
}) {
  const t = useTranslations("payments");
  const locale = resolveLocale(useLocale());
  const ids = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState<"new" | number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [notice, setNotice] = useState("");
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const { row, payments } = data;
  const writable = canEdit && row.status !== "cancelled";
  const currencies = data.currencies ?? [...new Set(["EUR", ...(row.currency ? [row.currency] : [])])];
  const date = (payment: PaymentRow) => formatDate(payment.paidOn, locale);
  const editButtonId = (id: number) => `${ids}-edit-${id}`;
  const editingPayment = typeof editing === "number" ? payments.find((p) => p.id === editing) : undefined;

  // Back to where the person started: the row's edit button, or "Add payment".
  const closeForm = (focusPaymentId?: number) => {
    setEditing(null);
    requestAnimationFrame(() => {
      const target = focusPaymentId ? document.getElementById(editButtonId(focusPaymentId)) : addButton.current;
      (target ?? addButton.current)?.focus();
    });
  };

  const saved = (next: PaymentsChange, message: string, paymentId?: number) => {
    onChanged(next);
    setNotice(message);
    setFailure(null);
    closeForm(paymentId);
  };

  function remove(payment: PaymentRow) {
    startTransition(async () => {
      setFailure(null);
      setNotice("");
      const result = await deletePayment({ id: payment.id, version: payment.version }).catch(() => null);
      setConfirming(null);
      if (!result) return setFailure({ code: "unavailable" });
      if (result.ok) {
        onChanged(result.data);
        setNotice(t("deleted"));
        requestAnimationFrame(() => addButton.current?.focus());
        return;
      }
      setFailure({ code: result.error, current: result.current });
      if (result.error === "conflict" && result.current) onPaymentReplaced(result.current as PaymentRow);
      if (result.error === "not_found") onStale();
    });
  }

  return (
    <div className="flex flex-col gap-4">
      <Table data-testid="payments-table">
        <TableCaption className="sr-only">{t("caption")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">{t("columns.paidOn")}</TableHead>
            <TableHead scope="col" className="text-right">
              {t("columns.amount")}
            </TableHead>
            <TableHead scope="col" className="text-right">
              {t("columns.rate")}
            </TableHead>
            <TableHead scope="col" className="text-right">
              {t("columns.amountEur")}
            </TableHead>
            <TableHead scope="col">{t("columns.notes")}</TableHead>
            {writable && <TableHead scope="col">{t("columns.actions")}</TableHead>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {payments.length === 0 && (
            <TableRow>
              <TableCell colSpan={writable ? 6 : 5} className="text-muted-foreground">
                {t("empty")}
              </TableCell>
            </TableRow>
          )}
          {payments.map((payment) => (
            <TableRow key={payment.id} data-payment-id={payment.id} data-version={payment.version}>
              <TableHead scope="row" className="font-normal whitespace-nowrap tabular-nums">
                {date(payment)}
              </TableHead>
              <TableCell className="text-right tabular-nums">{formatMoney(payment.amount, payment.currency, locale)}</TableCell>
              <TableCell className="text-right tabular-nums">{payment.rate ? formatRate(payment.rate, locale) : t("rateNone")}</TableCell>
              <TableCell className="text-right tabular-nums">{formatMoney(payment.amountEur, "EUR", locale)}</TableCell>
              <TableCell className="max-w-xs break-words whitespace-normal">{payment.notes}</TableCell>
              {writable && (
                <TableCell className="whitespace-nowrap">
                  {confirming === payment.id ? (
                    <div className="flex gap-2">
                      <Button type="button" size="sm" variant="destructive" disabled={pending} aria-label={t("confirmDeleteLabel", { date: date(payment) })} onClick={() => remove(payment)}>
                        {t("confirmDelete")}
                      </Button>
                      <Button type="button" size="sm" variant="ghost" disabled={pending} onClick={() => setConfirming(null)}>
                        {t("cancel")}
                      </Button>
                    </div>
                  ) : (
                    <div className="flex gap-2">
                      <Button
                        id={editButtonId(payment.id)}
                        type="button"
                        size="sm"
                        variant="outline"
                        aria-label={t("editLabel", { date: date(payment) })}
                        aria-expanded={editing === payment.id}
                        onClick={() => setEditing(payment.id)}
                      >
                        {t("edit")}
                      </Button>
                      <Button type="button" size="sm" variant="ghost" aria-label={t("deleteLabel", { date: date(payment) })} onClick={() => setConfirming(payment.id)}>
                        {t("delete")}
                      </Button>
                    </div>
                  )}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableHead scope="row" colSpan={3}>
              {t("paidTotal")}
            </TableHead>
            <TableCell className="text-right font-medium tabular-nums" data-testid="payments-paid">
              {formatMoney(row.paidEur, "EUR", locale)}
            </TableCell>
            <TableCell colSpan={writable ? 2 : 1} />
          </TableRow>
          <TableRow>
            <TableHead scope="row" colSpan={3}>
              {t("outstandingTotal")}
            </TableHead>
            <TableCell className="text-right font-medium tabular-nums" data-testid="payments-outstanding">
              {formatMoney(row.outstandingEur, "EUR", locale)}
            </TableCell>
            <TableCell colSpan={writable ? 2 : 1} />
          </TableRow>
        </TableFooter>
      </Table>

      {failure && <FormStatus failure={failure} saved={false} />}
      <p role="status" className="text-sm text-emerald-700">
        {notice}
      </p>

      {canEdit && row.status === "cancelled" && <p className="text-muted-foreground text-sm">{t("cancelledHint")}</p>}
      {writable && editing === null && (
        <div>
          <Button ref={addButton} type="button" onClick={() => setEditing("new")}>
            {t("add")}
          </Button>
        </div>
      )}
      {writable && editing === "new" && (
        <AddPaymentForm
          contributionId={row.id}
          currency={row.currency}
          currencies={currencies}
          title={t("addTitle")}
          onSaved={(next, message) => saved(next, message)}
          onCancel={() => closeForm()}
        />
      )}
      {writable && editingPayment && (
        <EditPaymentForm
          key={editingPayment.id}
          payment={editingPayment}
          currencies={currencies}
          title={t("editTitle", { date: date(editingPayment) })}
          onSaved={(next, message) => saved(next, message, editingPayment.id)}
          onTheirs={onPaymentReplaced}
          onCancel={() => closeForm(editingPayment.id)}
        />
      )}
    </div>
  );
}
