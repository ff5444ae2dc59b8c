import "server-only";
import { createHash } from "node:crypto";
import { SETTABLE_STATUSES } from "@/app/(app)/contributions/cells";
import { parseAmount } from "@/lib/amount";
import { parseDateInput } from "@/lib/date-input";
import type { Locale } from "@/lib/i18n/config";
import type { ColumnMapping, ImportField } from "@/lib/import/fields";
import { cellText, KIND_WORDS, moneyOfNumber, normalizeText, STATUS_WORDS, TOTAL_WORDS } from "@/lib/import/cells";
import type { ParsedTable, RawCell } from "@/lib/import/parse";
import { toEur } from "@/lib/money";
import type { ContributionStatus } from "../schema/enums";
import { compareDecimal, derivedStatus } from "./contributions";
import type { ExistingLine, ImportLookups } from "./import-lookups";

/**
 * The dry run of an import, row by row, without writing: what each row of the file would do to the
 * register and why a row cannot be taken. The rules are the grid's (a programme of the paying ministry
 * valid in the year, a rate for the currency and year, statuses the payments allow, open years, the
 * editor's ministry), applied to lookups loaded once for the whole file (db/queries/import-lookups.ts).
 * Apply runs the same classification again under locks and writes only if it comes out the same.
 */

export type RowClass = "new" | "changed" | "unchanged" | "error" | "skipped";
export const ROW_CLASSES = ["new", "changed", "unchanged", "error", "skipped"] as const satisfies readonly RowClass[];

/** Message keys of the `import.errors` catalog. */
export type ImportMessage =
  | "required" | "year" | "unknownId" | "idMismatch" | "unknownOrganization" | "archivedOrganization" | "unknownKind"
  | "unknownMinistry" | "inactiveMinistry" | "unknownProgramme" | "programmeMinistry" | "programmeYear" | "unknownCurrency"
  | "noRate" | "amountFormat" | "amountAmbiguous" | "amountDecimals" | "amountNegative" | "amountTooLarge" | "date"
  | "unknownStatus" | "statusDerived" | "statusHasPayments" | "amountHasPayments" | "yearClosed" | "scope" | "ambiguous"
  | "duplicate" | "tooLong";

export interface RowError {
  field: ImportField | null;
  message: ImportMessage;
  /** The cell's text, where it helps to see it (an unknown code). */
  value?: string;
}

/** The columns of a contribution an import writes. */
export const WRITTEN = [
  "kind", "payingMinistryId", "budgetProgrammeId", "currency", "amount", "exchangeRateId", "amountEur", "plannedEur",
  "status", "dueDate", "cabinetOrder", "notes",
] as const;
export type WrittenColumn = (typeof WRITTEN)[number];
export type LineValues = Record<WrittenColumn, string | number | null>;

/** One changed value as a person reads it: codes, decimal strings, ISO dates, enum keys. */
export interface FieldDiff {
  field: WrittenColumn;
  before: string | null;
  after: string | null;
}

export interface PlannedRow {
  line: number;
  class: RowClass;
  /** The register's line this row matched; null for a new one. */
  id: number | null;
  /** Its version at the dry run: apply refuses if it moved. */
  version: number | null;
  /** As read, for the preview list. */
  key: { year: number | null; organization: string | null; kind: string | null; ministry: string | null };
  diff: FieldDiff[];
  errors: RowError[];
  /** What apply writes: every column for a new line (plus year and organization), the changed ones otherwise. */
  set: Partial<LineValues> & { year?: number; organizationId?: number };
}

export type ImportCounts = Record<RowClass, number>;

export interface ImportPlan {
  rows: PlannedRow[];
  counts: ImportCounts;
  /** A digest of what apply would write and the versions it saw. */
  fingerprint: string;
}

export interface ClassifyInput {
  table: Pick<ParsedTable, "rows" | "numberLocale">;
  mapping: ColumnMapping;
  defaultYear: number | null;
  /** The reader's locale, for amounts written as text in an XLSX. */
  locale: Locale;
  /** A scoped editor's ministry: rows of any other are refused. */
  scopeMinistryId: number | null;
}

const MAX_TEXT = { cabinetOrder: 500, notes: 2_000 } as const;
function sameMoney(a: string | number | null, b: string | number | null): boolean {
  if (a === null || b === null) return a === b;
  return compareDecimal(String(a), String(b)) === 0;
}

const MONEY_COLUMNS = new Set<WrittenColumn>(["amount", "amountEur", "plannedEur"]);
const same = (column: WrittenColumn, a: string | number | null, b: string | number | null) =>
  MONEY_COLUMNS.has(column) ? sameMoney(a, b) : (a ?? null) === (b ?? null);

export function classifyImport(input: ClassifyInput, lookups: ImportLookups): ImportPlan {
  const claimed = new Map<number, number>(); // line id → file line that matched it first
  const rows = input.table.rows.map((row) => classifyRow(row.line, row.cells, input, lookups, claimed));
  const counts: ImportCounts = { new: 0, changed: 0, unchanged: 0, error: 0, skipped: 0 };
  for (const row of rows) counts[row.class]++;
  const digest = createHash("sha256");
  for (const row of rows) digest.update(JSON.stringify([row.line, row.class, row.id, row.version, row.set]));
  return { rows, counts, fingerprint: digest.digest("hex") };
}

function classifyRow(line: number, cells: RawCell[], input: ClassifyInput, lookups: ImportLookups, claimed: Map<number, number>): PlannedRow {
  const { mapping } = input;
  const mapped = (field: ImportField) => mapping[field] !== undefined;
  const text = (field: ImportField) => (mapped(field) ? cellText(cells[mapping[field]!]) : "");
  const errors: RowError[] = [];
  const fail = (field: ImportField | null, message: ImportMessage, value?: string) => errors.push({ field, message, ...(value ? { value } : {}) });
  const key = { year: null as number | null, organization: text("organization") || null, kind: text("kind") || null, ministry: text("ministry") || null };

  // The export's total row (no year, no id, "Kopā"/"Total" where the code goes) is not a line.
  if (TOTAL_WORDS.has(normalizeText(text("organization"))) && !text("year") && !text("id")) {
    return { line, class: "skipped", id: null, version: null, key, diff: [], errors: [], set: {} };
  }

  // ── Which line: by id, else by year, organization and kind (and ministry, currency when several) ──
  let existing: ExistingLine | undefined;
  const idText = text("id");
  if (idText) {
    const id = /^\d{1,9}$/.test(idText) ? Number(idText) : NaN;
    existing = lookups.existing.get(id);
    // Another ministry's line answers like a missing one: a scoped editor learns nothing of it.
    if (!existing || (input.scopeMinistryId !== null && existing.payingMinistryId !== input.scopeMinistryId)) {
      existing = undefined;
      fail("id", "unknownId", idText);
    }
  }

  let year: number | null = null;
  const yearText = text("year");
  if (yearText) {
    year = /^\d{4}$/.test(yearText) && Number(yearText) >= 1990 && Number(yearText) <= 2100 ? Number(yearText) : null;
    if (year === null) fail("year", "year", yearText);
  } else year = existing?.year ?? input.defaultYear;
  if (year === null && !errors.some((e) => e.field === "year")) fail("year", "required");
  if (existing && year !== null && year !== existing.year) fail("year", "idMismatch", yearText);
  key.year = year;

  let organizationId: number | null = existing?.organizationId ?? null;
  const orgText = text("organization");
  if (orgText) {
    const org = lookups.organizations.get(normalizeText(orgText));
    if (!org) fail("organization", "unknownOrganization", orgText);
    else if (existing && org.id !== existing.organizationId) fail("organization", "idMismatch", orgText);
    else organizationId = org.id;
  } else if (!existing) fail("organization", "required");

  const read = <K extends string>(field: ImportField, words: Map<string, K>, message: ImportMessage): K | null | undefined => {
    const value = text(field);
    if (!value) return undefined;
    const found = words.get(normalizeText(value));
    if (!found) fail(field, message, value);
    return found ?? null;
  };
  const kind = read("kind", KIND_WORDS, "unknownKind");
  if (kind === undefined && !existing) fail("kind", "required");

  let ministryId: number | undefined;
  const ministryText = text("ministry");
  if (ministryText) {
    const ministry = lookups.ministries.get(normalizeText(ministryText));
    if (!ministry) fail("ministry", "unknownMinistry", ministryText);
    else {
      ministryId = ministry.id;
      if (!ministry.active && ministry.id !== existing?.payingMinistryId) fail("ministry", "inactiveMinistry", ministryText);
    }
  } else if (!existing || mapped("ministry")) fail("ministry", "required");

  // A row already refused is not matched: "duplicate" on top of "unknown ministry" would only be noise.
  if (!existing && errors.length === 0 && year !== null && organizationId !== null && kind) {
    const candidates = (lookups.byKey.get(`${year}:${organizationId}:${kind}`) ?? []).filter(
      (c) => c.status !== "cancelled" && (input.scopeMinistryId === null || c.payingMinistryId === input.scopeMinistryId),
    );
    let matches = ministryId === undefined ? candidates : candidates.filter((c) => c.payingMinistryId === ministryId);
    const currency = text("currency").toUpperCase();
    if (matches.length > 1 && currency) matches = matches.filter((c) => c.currency === currency);
    if (matches.length > 1) fail(null, "ambiguous");
    else existing = matches[0];
  }
  if (existing) {
    const first = claimed.get(existing.id);
    if (first !== undefined) fail(null, "duplicate", String(first));
    else claimed.set(existing.id, line);
  }

  // ── The line as it would be ──
  const before: LineValues | null = existing ? { ...existing.values } : null;
  const next: LineValues = before ? { ...before } : {
    kind: null, payingMinistryId: null, budgetProgrammeId: null, currency: null, amount: null, exchangeRateId: null,
    amountEur: null, plannedEur: null, status: "planned", dueDate: null, cabinetOrder: null, notes: null,
  };
  if (kind) next.kind = kind;
  if (ministryId !== undefined) next.payingMinistryId = ministryId;
  const ministryMoved = before !== null && next.payingMinistryId !== before.payingMinistryId;

  const programmeText = text("programme");
  if (programmeText) {
    const all = lookups.programmes.filter((p) => p.code === programmeText);
    const own = all.filter((p) => p.ministryId === next.payingMinistryId);
    const valid = own.find((p) => year !== null && p.validFromYear <= year && (p.validToYear === null || p.validToYear >= year));
    if (valid) next.budgetProgrammeId = valid.id;
    else fail("programme", own.length ? "programmeYear" : all.length ? "programmeMinistry" : "unknownProgramme", programmeText);
  } else if (mapped("programme") || ministryMoved) next.budgetProgrammeId = null;

  const currencyText = text("currency");
  if (currencyText) {
    const code = currencyText.toUpperCase();
    if (!lookups.currencies.has(code)) fail("currency", "unknownCurrency", currencyText);
    else next.currency = code;
  } else if (!before || mapped("currency")) fail("currency", "required");

  const money = (field: "amount" | "plannedEur"): string | null | undefined => {
    if (!mapped(field)) return undefined;
    const cell = cells[mapping[field]!];
    if (typeof cell === "number") {
      const parsed = moneyOfNumber(cell);
      if (!parsed.ok) fail(field, parsed.message, String(cell));
      return parsed.ok ? parsed.value : undefined;
    }
    const value = cellText(cell);
    if (!value) return null;
    const parsed = parseAmount(value, input.table.numberLocale ?? input.locale);
    if (!parsed.ok) fail(field, parsed.message, value);
    return parsed.ok ? parsed.value : undefined;
  };
  const amount = money("amount");
  const planned = money("plannedEur");
  if (amount !== undefined) next.amount = amount;
  if (planned !== undefined) next.plannedEur = planned;

  if (mapped("dueDate")) {
    const value = text("dueDate");
    if (!value) next.dueDate = null;
    else {
      const parsed = parseDateInput(value, input.locale);
      if (parsed.ok) next.dueDate = parsed.value;
      else fail("dueDate", "date", value);
    }
  }
  for (const field of ["cabinetOrder", "notes"] as const) {
    if (!mapped(field)) continue;
    const value = text(field);
    if (value.length > MAX_TEXT[field]) fail(field, "tooLong");
    else next[field] = value || null;
  }

  // ── Money in euros, with the rate of the year, only when the amount or its currency changed ──
  const paidEur = existing?.paidEur ?? "0.00";
  const paymentCount = existing?.paymentCount ?? 0;
  const amountMoved = !before || !same("amount", before.amount, next.amount) || before.currency !== next.currency;
  if (next.amount === null) {
    next.amountEur = null;
    next.exchangeRateId = null;
    if (paymentCount > 0) fail("amount", "amountHasPayments");
  } else if (amountMoved && next.currency && year !== null) {
    if (next.currency === "EUR") Object.assign(next, { amountEur: toEur(next.amount as string, "1"), exchangeRateId: null });
    else {
      const rate = lookups.rateFor(next.currency as string, year);
      if (!rate) fail("currency", "noRate", next.currency as string);
      else Object.assign(next, { amountEur: toEur(next.amount as string, rate.unitsPerEur), exchangeRateId: rate.id });
    }
  }

  // ── Status: set by a person only where the payments leave it to them ──
  const wanted = read("status", STATUS_WORDS, "unknownStatus");
  let statusSet = false;
  if (wanted && wanted !== before?.status) {
    if (!(SETTABLE_STATUSES as readonly string[]).includes(wanted)) fail("status", "statusDerived", text("status"));
    else if (paymentCount > 0) fail("status", "statusHasPayments", text("status"));
    else {
      next.status = wanted;
      statusSet = true;
    }
  }
  if (!statusSet || paymentCount > 0) next.status = derivedStatus(next.status as ContributionStatus, next.amountEur as string | null, paidEur);

  if (input.scopeMinistryId !== null && next.payingMinistryId !== null && next.payingMinistryId !== input.scopeMinistryId) {
    fail("ministry", "scope", ministryText);
  }
  if (!existing && organizationId !== null && lookups.archivedOrganizations.has(organizationId)) fail("organization", "archivedOrganization", orgText);

  const changed = WRITTEN.filter((column) => !before || !same(column, before[column], next[column]));
  // A closed year's lines stay as they are: a row that would add or change one is refused, an unchanged one is not.
  if (year !== null && lookups.closedYears.has(year) && (!existing || changed.length)) fail("year", "yearClosed", String(year));
  const display = (column: WrittenColumn, value: string | number | null) => lookups.display(column, value);
  const diff = changed
    .filter((column) => before || next[column] !== null)
    .map((column) => ({ field: column, before: before ? display(column, before[column]) : null, after: display(column, next[column]) }));

  if (errors.length) return { line, class: "error", id: existing?.id ?? null, version: existing?.version ?? null, key, diff: [], errors, set: {} };
  const set: PlannedRow["set"] = before
    ? Object.fromEntries(changed.map((column) => [column, next[column]]))
    : { ...next, year: year!, organizationId: organizationId! };
  return {
    line,
    class: !existing ? "new" : changed.length ? "changed" : "unchanged",
    id: existing?.id ?? null,
    version: existing?.version ?? null,
    key,
    diff,
    errors,
    set,
  };
}
