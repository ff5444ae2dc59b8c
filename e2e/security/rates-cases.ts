import { unique } from "../support/test";
import type { ActionCases } from "./cases";

/**
 * Exchange rates, currencies and fiscal years: reference data of every ministry, the admin's alone. Each
 * payload would succeed for an admin (a rate of a far year, an unused ISO code, a year nothing is in), so
 * a missing check would show as a change; the attacks themselves must change nothing.
 */
const RATES = "app/(app)/admin/exchange-rates/actions.ts";
const YEARS = "app/(app)/admin/fiscal-years/actions.ts";

export const ratesActionCases: ActionCases = {
  [`${RATES}#addExchangeRate`]: {
    anonymous: "unauthorized",
    callers: "admin",
    args: () => [{ locale: "lv", year: "2099", currency: "USD", rate: "9,99", source: `Uzbrucējs ${unique("r")}` }],
  },
  [`${RATES}#recalculateExchangeYear`]: {
    anonymous: "unauthorized",
    callers: "admin",
    args: () => [{ year: "2024", currency: "" }],
  },
  [`${RATES}#addCurrency`]: {
    anonymous: "unauthorized",
    callers: "admin",
    args: () => [{ code: "ISK", nameLv: "Islandes krona", nameEn: "Icelandic króna" }],
  },
  [`${RATES}#setCurrencyActive`]: {
    anonymous: "unauthorized",
    callers: "admin",
    args: () => [{ code: "USD", active: false }],
  },
  [`${YEARS}#closeFiscalYear`]: {
    anonymous: "unauthorized",
    callers: "admin",
    args: () => [{ year: "2024" }],
  },
  [`${YEARS}#reopenFiscalYear`]: {
    anonymous: "unauthorized",
    callers: "admin",
    args: () => [{ year: "2024", reason: "Uzbrucējs grib atvērt gadu" }],
  },
};
