import { contributionKind, contributionStatus } from "@/db/schema/enums";
import type { AmountMessage } from "@/lib/amount";
import type { Locale } from "@/lib/i18n/config";
import { catalogs } from "@/messages";
import type { RawCell } from "./table";

// How the import reads a cell's value: the words the app writes, numbers from numeric cells, text the
// exports protected. Shared by the header recognition (lib/import/fields.ts) and the dry run.

/** Trimmed, one space between words, lower case, NFC (a Mac's CSV may carry decomposed ā), no BOM. */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, "").normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase();
}

// The words the app writes for kinds, statuses and the total row, in both languages: a file exported in
// English imports into a Latvian session and the other way round.
function wordsOf<K extends string>(keys: readonly K[], pick: (locale: Locale) => Record<string, string>): Map<string, K> {
  const out = new Map<string, K>();
  for (const key of keys) out.set(normalizeText(key), key);
  for (const locale of ["lv", "en"] as const) {
    for (const key of keys) {
      const word = pick(locale)[key];
      if (word) out.set(normalizeText(word), key);
    }
  }
  return out;
}
type ContributionWords = { values: { kind: Record<string, string>; status: Record<string, string> } };
export const KIND_WORDS = wordsOf(contributionKind.enumValues, (l) => (catalogs[l].contributions as ContributionWords).values.kind);
export const STATUS_WORDS = wordsOf(contributionStatus.enumValues, (l) => (catalogs[l].contributions as ContributionWords).values.status);
/** "Kopā" / "Total": the export's total row, which is not a line. */
export const TOTAL_WORDS = new Set((["lv", "en"] as const).map((l) => normalizeText((catalogs[l].exports as { rows: { total: string } }).rows.total)));

/**
 * A text cell as its author meant it: the exports put `'` before text that a spreadsheet would run as a
 * formula (lib/export/sheet.ts safeText), so that prefix is taken off again and a round trip is exact.
 */
export function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return String(cell);
  const text = cell.trim();
  return /^'[=+\-@\t\r\0]/.test(text) ? text.slice(1) : text;
}

/** A number from a spreadsheet's numeric cell as a money string; a float's noise below a cent is rounded off. */
export function moneyOfNumber(value: number): { ok: true; value: string } | { ok: false; message: AmountMessage } {
  if (!Number.isFinite(value)) return { ok: false, message: "amountFormat" };
  if (value < 0) return { ok: false, message: "amountNegative" };
  const cents = Math.round(value * 100);
  if (Math.abs(value * 100 - cents) > 1e-6 * Math.max(1, Math.abs(value))) return { ok: false, message: "amountDecimals" };
  if (!Number.isSafeInteger(cents)) return { ok: false, message: "amountTooLarge" };
  const text = String(cents).padStart(3, "0");
  return { ok: true, value: `${text.slice(0, -2)}.${text.slice(-2)}` };
}
