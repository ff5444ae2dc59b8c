import { readFileSync } from "node:fs";
import path from "node:path";
import {
  contributionKind,
  organizationKind,
  type ContributionKind,
  type OrganizationKind,
} from "../schema/enums";
import { parseCsvRecords } from "./csv";

/** Resolved from the working directory (the project root for npm scripts, Next and tests), never from ../shared. */
export function seedDataDir(): string {
  return path.join(process.cwd(), "db", "seed", "data");
}

function readRecords<K extends string>(file: string, columns: readonly K[]): Record<K, string>[] {
  const text = readFileSync(path.join(seedDataDir(), file), "utf8");
  return parseCsvRecords(text, columns, file);
}

const CURRENCY = /^[A-Z]{3}$/;
// Whole units or cents: money is kept as a string from the file to the database.
const MONEY = /^\d+(\.\d{1,2})?$/;
const RATE = /^\d+(\.\d{1,8})?$/;

function fail(file: string, detail: string): never {
  throw new Error(`${file}: ${detail}`);
}

function year(file: string, value: string): number {
  if (!/^\d{4}$/.test(value)) fail(file, `invalid year "${value}"`);
  return Number(value);
}

function currency(file: string, value: string): string {
  if (!CURRENCY.test(value)) fail(file, `invalid currency code "${value}"`);
  return value;
}

function oneOf<T extends string>(file: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) fail(file, `unexpected value "${value}"`);
  return value as T;
}

function list(value: string): string[] {
  return value
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export interface MinistryRow {
  code: string;
  nameLv: string;
  nameEn: string;
}

export function readMinistries(): MinistryRow[] {
  return readRecords("ministries.csv", ["code", "name_lv", "name_en"] as const).map((r) => ({
    code: r.code,
    nameLv: r.name_lv,
    nameEn: r.name_en,
  }));
}

export interface OrganizationRow {
  acronym: string;
  nameLv: string;
  nameEn: string;
  kind: OrganizationKind;
  hqCity: string | null;
  billingCurrencies: string[];
  /** Latvian ministry names; the first is the lead, the others co-responsible. */
  leadMinistriesLv: string[];
  sourceUrl: string | null;
}

/** "USD+EUR (split assessment)" → ["USD", "EUR"]; the parenthesis is commentary for people. */
export function parseBillingCurrencies(value: string): string[] {
  return value
    .replace(/\(.*\)/, "")
    .split("+")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((c) => currency("organizations.csv", c));
}

export function readOrganizations(): OrganizationRow[] {
  const file = "organizations.csv";
  const columns = [
    "acronym",
    "name_en",
    "name_lv",
    "kind",
    "hq_city",
    "billing_currency",
    "lead_ministry_lv",
    "source_url",
  ] as const;
  return readRecords(file, columns).map((r) => ({
    acronym: r.acronym,
    nameLv: r.name_lv,
    nameEn: r.name_en,
    kind: oneOf(file, r.kind, organizationKind.enumValues),
    hqCity: r.hq_city || null,
    billingCurrencies: parseBillingCurrencies(r.billing_currency),
    leadMinistriesLv: list(r.lead_ministry_lv),
    sourceUrl: r.source_url || null,
  }));
}

// missions.csv names countries in English; the schema stores ISO 3166-1 alpha-2.
const COUNTRY_CODES: Record<string, string> = {
  "United States": "US",
  Switzerland: "CH",
  Austria: "AT",
  Italy: "IT",
  Netherlands: "NL",
  Belgium: "BE",
  France: "FR",
};

export interface MissionRow {
  nameLv: string;
  nameEn: string;
  city: string;
  countryCode: string;
  organizationAcronyms: string[];
}

export function readMissions(): MissionRow[] {
  const file = "missions.csv";
  return readRecords(file, ["name_lv", "name_en", "city", "country", "organizations"] as const).map((r) => ({
    nameLv: r.name_lv,
    nameEn: r.name_en,
    city: r.city,
    countryCode: COUNTRY_CODES[r.country] ?? fail(file, `no ISO code known for country "${r.country}"`),
    organizationAcronyms: list(r.organizations),
  }));
}

export interface SourcedContributionRow {
  acronym: string;
  year: number;
  amount: string;
  currency: string;
  kind: ContributionKind;
  sourceUrl: string;
}

export function readContributions(): SourcedContributionRow[] {
  const file = "contributions.csv";
  const columns = ["acronym", "year", "amount", "currency", "kind", "source_url"] as const;
  return readRecords(file, columns).map((r) => {
    if (!MONEY.test(r.amount)) fail(file, `invalid amount "${r.amount}"`);
    if (!r.source_url) fail(file, `${r.acronym} ${r.year}: missing source_url`);
    return {
      acronym: r.acronym,
      year: year(file, r.year),
      amount: r.amount,
      currency: currency(file, r.currency),
      kind: oneOf(file, r.kind, contributionKind.enumValues),
      sourceUrl: r.source_url,
    };
  });
}

export interface ExchangeRateRow {
  year: number;
  currency: string;
  unitsPerEur: string;
  source: string;
}

export function readExchangeRates(): ExchangeRateRow[] {
  const file = "exchange-rates.csv";
  return readRecords(file, ["year", "currency", "units_per_eur", "basis", "source"] as const).map((r) => {
    if (!RATE.test(r.units_per_eur)) fail(file, `invalid rate "${r.units_per_eur}"`);
    return {
      year: year(file, r.year),
      currency: currency(file, r.currency),
      unitsPerEur: r.units_per_eur,
      // The basis says how reliable the figure is ([KNOW] vs fixed by law): keep it next to the URL.
      source: [r.basis, r.source].filter((s) => s !== "").join(" — "),
    };
  });
}
