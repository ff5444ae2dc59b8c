"use server";

import { insertCurrency, insertRate, recalculateYear, setCurrencyActive as setActive } from "@/db/queries/exchange-rates";
import { defineAction } from "@/lib/action";
import { ActionError } from "@/lib/errors";
import { addCurrencySchema, addRateSchema, recalculateSchema, setCurrencyActiveSchema } from "./schemas";

// Rates and currencies are the register's reference for every ministry: no ministry owns them, so the
// actions are the admin's alone and carry no record scope.
const ADMIN = ["admin"] as const;
const PATHS = ["/admin/exchange-rates"];

/** A new rate row. Stored conversions keep the row they were made with: nothing else changes. */
export const addExchangeRate = defineAction({
  name: "exchange_rates.create",
  roles: ADMIN,
  input: addRateSchema,
  scope: "none",
  async run(input, { tx, audit, user }) {
    const row = await insertRate(tx, audit, user.id, input);
    return { id: row.id };
  },
  revalidate: () => PATHS,
});

/** The explicit, audited step that moves a year's stored conversions onto the rates now in force. */
export const recalculateExchangeYear = defineAction({
  name: "exchange_rates.recalculate",
  roles: ADMIN,
  input: recalculateSchema,
  scope: "none",
  async run(input, { tx, audit, user }) {
    return recalculateYear(tx, audit, user.id, input);
  },
  revalidate: () => [...PATHS, "/contributions", "/"],
});

// ISO 4217 codes in use, as the runtime's ICU knows them; historic ones (LVL) are seeded, not added.
const ISO_4217 = new Set(Intl.supportedValuesOf("currency"));

export const addCurrency = defineAction({
  name: "currencies.create",
  roles: ADMIN,
  input: addCurrencySchema,
  scope: "none",
  async run(input, { tx, audit }) {
    if (!ISO_4217.has(input.code)) throw new ActionError("invalid", { fieldErrors: { code: ["currencyUnknown"] } });
    const row = await insertCurrency(tx, audit, input);
    return { code: row.code };
  },
  revalidate: () => PATHS,
});

export const setCurrencyActive = defineAction({
  name: "currencies.set_active",
  roles: ADMIN,
  input: setCurrencyActiveSchema,
  scope: "none",
  async run(input, { tx, audit }) {
    const row = await setActive(tx, audit, input.code, input.active);
    return { code: row.code, active: row.active };
  },
  revalidate: () => [...PATHS, "/contributions"],
});
