import { z } from "zod";
import { parseAmount } from "@/lib/amount";
import { parseDateInput } from "@/lib/date-input";
import { locales } from "@/lib/i18n/config";

// Shared by the payment form (zodResolver, raw values) and the actions (the guard parses them again).

const id = z.coerce.number().int().positive().max(2_147_483_647);
const version = z.coerce.number().int().positive().max(2_147_483_647);

/** What <input type="date"> sends: ISO; a day that does not exist is refused, not rolled over. */
const paidOn = z
  .string()
  .trim()
  .min(1)
  .max(10)
  .transform((text, ctx) => {
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseDateInput(text, "lv") : null;
    if (parsed?.ok) return parsed.value;
    ctx.addIssue({ code: "custom", message: "date" });
    return z.NEVER;
  });

/** Empty: the contribution's own currency. */
const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([A-Z]{3})?$/, { message: "choice" })
  .optional()
  .transform((value) => value || null);

const notes = z
  .string()
  .trim()
  .max(2000)
  .optional()
  .transform((value) => value || null);

/**
 * The amount as the person typed it, read in their locale (lib/amount.ts) once the locale is known; its
 * message keys (amountFormat, amountAmbiguous…) land under the amount field, in the browser and on the server.
 */
const paymentFields = {
  paidOn,
  amount: z.string().max(100),
  currency,
  notes,
  locale: z.enum(locales),
};

function readAmount<T extends { amount: string; locale: (typeof locales)[number] }>(value: T, ctx: z.RefinementCtx) {
  const text = value.amount.trim();
  const parsed = text === "" ? ({ ok: false, message: "required" } as const) : parseAmount(text, value.locale);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", path: ["amount"], message: parsed.message });
    return z.NEVER;
  }
  // numeric(18,2) and the database's check: a payment is more than nothing.
  if (!/[1-9]/.test(parsed.value)) {
    ctx.addIssue({ code: "custom", path: ["amount"], message: "tooSmall:0.01" });
    return z.NEVER;
  }
  return { ...value, amount: parsed.value };
}

export const addPaymentSchema = z.strictObject({ contributionId: id, ...paymentFields }).transform(readAmount);
export const updatePaymentSchema = z.strictObject({ id, version, ...paymentFields }).transform(readAmount);
export const deletePaymentSchema = z.strictObject({ id, version });
export const loadPaymentsSchema = z.strictObject({ contributionId: id });

export type AddPaymentInput = z.input<typeof addPaymentSchema>;
export type UpdatePaymentInput = z.input<typeof updatePaymentSchema>;
export type PaymentFieldsOutput = z.output<typeof addPaymentSchema>;
