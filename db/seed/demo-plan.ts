import type { ContributionStatus } from "../schema/enums";
import { toDecimal as dec, roundWhole, sumMoney } from "../../lib/money";

/**
 * Deterministic demo assessments: magnitudes inside the research-notes §1.5 ranges [EST], not real
 * figures. Pure (no database) so the plan can be checked on its own.
 */

export const DEMO_FIRST_YEAR = 2019;
export const DEMO_LAST_YEAR = 2026;

interface DemoSpec {
  acronym: string;
  currency: string;
  /** 2019 amount before the wiggle, in whole units of `currency`. */
  base: string;
  /** Linear yearly growth; chosen so that 2019–2026 stays inside the §1.5 range. */
  growth: string;
  /** Council of Europe: a third is due in the first two months (research-notes §4). */
  dueMonthDay?: string;
  /** Overrides the lead ministry as payer (ministry code). */
  payer?: string;
}

export const DEMO_SPECS: readonly DemoSpec[] = [
  { acronym: "UN", currency: "USD", base: "1530000", growth: "0.022" },
  // The MFA pays the NATO civil budget (research-notes §1.2 [SRC], §1.5), although Defence leads NATO.
  { acronym: "NATO", currency: "EUR", base: "250000", growth: "0.04", payer: "am" },
  { acronym: "OSCE", currency: "EUR", base: "190000", growth: "0.02" },
  { acronym: "COE", currency: "EUR", base: "470000", growth: "0.03", dueMonthDay: "02-28" },
  { acronym: "OECD", currency: "EUR", base: "1120000", growth: "0.03" },
  // UNESCO and FAO split one assessment into a USD part and a EUR part (§3).
  { acronym: "UNESCO", currency: "USD", base: "62000", growth: "0.02" },
  { acronym: "UNESCO", currency: "EUR", base: "58000", growth: "0.02" },
  { acronym: "WTO", currency: "CHF", base: "128000", growth: "0.02" },
  { acronym: "OPCW", currency: "EUR", base: "38000", growth: "0.025" },
  { acronym: "FAO", currency: "USD", base: "60000", growth: "0.02" },
  { acronym: "FAO", currency: "EUR", base: "52000", growth: "0.02" },
  { acronym: "CBSS", currency: "EUR", base: "26000", growth: "0.02" },
  { acronym: "ACWL", currency: "CHF", base: "16000", growth: "0.01" },
];

export interface DemoInstalment {
  paidOn: string;
  amount: string;
}

export interface DemoLine {
  acronym: string;
  currency: string;
  year: number;
  payer?: string;
  /** null: only planned in the budget, no assessment received yet. */
  amount: string | null;
  status: ContributionStatus;
  dueDate: string | null;
  instalments: DemoInstalment[];
}

/** FNV-1a: a stable small hash, so the demo data is the same on every run and machine (no Math.random). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** base × (1 + growth × (year − 2019)) × (1 ± up to 1 %), whole units. */
export function demoAmount(spec: DemoSpec, year: number): string {
  const wiggle = dec(String((hash(`${spec.acronym}:${spec.currency}:${year}`) % 201) - 100)).div(10_000);
  const factor = dec(spec.growth).times(year - DEMO_FIRST_YEAR).plus(1);
  return roundWhole(dec(spec.base).times(factor).times(wiggle.plus(1)));
}

/** Two instalments summing exactly to the amount: 1/`parts` of it (whole units), then the rest. */
function split(amount: string, parts: number): [string, string] {
  const first = roundWhole(dec(amount).div(parts));
  return [first, dec(amount).minus(first).toFixed(0)];
}

// The Council of Europe asks for a third in the first two months (research-notes §4); others pay halves.
function firstShare(spec: DemoSpec): number {
  return spec.acronym === "COE" ? 3 : 2;
}

// Who pays what in the open years, relative to a reference date at the end of November 2026.
const PARTIAL_2025 = new Set(["COE:EUR", "UNESCO:USD", "FAO:EUR"]);
const UNPAID_2025 = new Set(["ACWL:CHF"]);
const PAID_2026 = new Set(["UN:USD", "OPCW:EUR", "NATO:EUR"]);
const PARTIAL_2026 = new Set(["COE:EUR", "OECD:EUR"]);
const PLANNED_2026 = new Set(["CBSS:EUR", "ACWL:CHF"]);

function fullPayment(spec: DemoSpec, year: number, amount: string): DemoInstalment[] {
  const h = hash(`pay:${spec.acronym}:${spec.currency}:${year}`);
  // UN in January: paid within the 30-day period, i.e. on the Honour Roll (research-notes §4).
  if (spec.acronym === "UN") return [{ paidOn: `${year}-01-${pad(15 + (h % 12))}`, amount }];
  if (spec.acronym === "COE" || h % 3 === 0) {
    const [first, rest] = split(amount, firstShare(spec));
    return [
      { paidOn: `${year}-02-${pad(10 + (h % 15))}`, amount: first },
      { paidOn: `${year}-06-${pad(5 + (h % 20))}`, amount: rest },
    ];
  }
  return [{ paidOn: `${year}-${pad(1 + (h % 3))}-${pad(5 + (h % 20))}`, amount }];
}

/** Paid in full in January, in one transfer. */
function earlyPayment(spec: DemoSpec, year: number, amount: string): DemoInstalment[] {
  return [{ paidOn: `${year}-01-${pad(12 + (hash(`early:${spec.acronym}:${year}`) % 15))}`, amount }];
}

function firstPartOnly(spec: DemoSpec, year: number, amount: string): DemoInstalment[] {
  const [first] = split(amount, firstShare(spec));
  return [{ paidOn: `${year}-02-${pad(10 + (hash(`part:${spec.acronym}:${year}`) % 15))}`, amount: first }];
}

export function demoLines(): DemoLine[] {
  const lines: DemoLine[] = [];
  for (const spec of DEMO_SPECS) {
    const key = `${spec.acronym}:${spec.currency}`;
    for (let year = DEMO_FIRST_YEAR; year <= DEMO_LAST_YEAR; year++) {
      const base = { acronym: spec.acronym, currency: spec.currency, year, payer: spec.payer };
      if (year === 2026 && PLANNED_2026.has(key)) {
        lines.push({ ...base, amount: null, status: "planned", dueDate: null, instalments: [] });
        continue;
      }
      const amount = demoAmount(spec, year);
      const dueDate = `${year}-${spec.dueMonthDay ?? "01-31"}`;
      let instalments: DemoInstalment[];
      if (year <= 2024) instalments = fullPayment(spec, year, amount);
      else if (year === 2025) {
        if (UNPAID_2025.has(key)) instalments = [];
        else if (PARTIAL_2025.has(key)) instalments = firstPartOnly(spec, year, amount);
        else instalments = fullPayment(spec, year, amount);
      } else if (PAID_2026.has(key)) instalments = earlyPayment(spec, year, amount);
      else if (PARTIAL_2026.has(key)) instalments = firstPartOnly(spec, year, amount);
      else instalments = [];
      lines.push({ ...base, amount, status: statusOf(amount, instalments), dueDate, instalments });
    }
  }
  return lines;
}

function statusOf(amount: string, instalments: readonly DemoInstalment[]): ContributionStatus {
  if (instalments.length === 0) return "assessed";
  return dec(sumMoney(instalments.map((p) => p.amount))).eq(dec(amount)) ? "paid" : "partially_paid";
}
