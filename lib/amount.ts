import type { Locale } from "./i18n/config";

/**
 * Reads an amount typed or pasted by a person, in their locale, into the decimal string stored in
 * numeric(18,2). Never through a float. Returns a message key of the `validation` catalog when the text is
 * not an amount, or could be read two ways: "1.234" in Latvian is 1,234 to someone copying from a German
 * or Latvian-formatted sheet and 1.234 to someone copying from an English one, so it is refused rather
 * than guessed. Libraries that parse localized numbers (@internationalized/number, globalize) return JS
 * numbers, which cannot hold 18-digit amounts exactly, hence this small grammar.
 *
 * Accepted, lv: `1234,56`, `1 234,56` (space, no-break or narrow no-break space), `1234.5` (a dot that
 * cannot be a thousands separator is read as the decimal point, as Excel in English writes it), `€`/`EUR`
 * around the number. en: `1234.56`, `1,234.56`, `1 234.56`.
 */
export type AmountParse = { ok: true; value: string } | { ok: false; message: AmountMessage };
export type AmountMessage = "amountFormat" | "amountAmbiguous" | "amountDecimals" | "amountNegative" | "amountTooLarge";

const SPACES = /[\s\u00a0\u202f\u2009']/g;
// numeric(18,2): 16 integer digits.
const MAX_INTEGER_DIGITS = 16;

// `group`: the mark that may group thousands when the number also has a decimal mark ("1.234,56").
const SEPARATORS: Record<Locale, { decimal: string; group: string }> = {
  lv: { decimal: ",", group: "." },
  en: { decimal: ".", group: "," },
};

export interface AmountOptions {
  /** 2 for money (numeric(18,2)); exchange rates take 8 (numeric(18,8)). */
  maxDecimals?: number;
  maxIntegerDigits?: number;
}

export function parseAmount(text: string, locale: Locale, { maxDecimals = 2, maxIntegerDigits = MAX_INTEGER_DIGITS }: AmountOptions = {}): AmountParse {
  let s = text.trim().replace(/^(€|eur)\s*/i, "").replace(/\s*(€|eur)$/i, "");
  if (s.startsWith("-") || s.startsWith("−") || /^\(.*\)$/.test(s)) return { ok: false, message: "amountNegative" };
  s = s.replace(/^\+/, "");
  // Spaces (and the Swiss apostrophe) only ever group digits.
  s = s.replace(SPACES, "");
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return { ok: false, message: "amountFormat" };

  const { decimal, group } = SEPARATORS[locale];
  const dots = count(s, "."), commas = count(s, ",");
  let integer: string, fraction = "";

  if (dots > 0 && commas > 0) {
    // Both: the last one is the decimal separator; it must be this locale's.
    const last = Math.max(s.lastIndexOf("."), s.lastIndexOf(","));
    if (s[last] !== decimal) return { ok: false, message: "amountAmbiguous" };
    integer = s.slice(0, last);
    fraction = s.slice(last + 1);
    if (integer.includes(decimal) || !groupedCorrectly(integer, group)) return { ok: false, message: "amountFormat" };
    integer = integer.split(group).join("");
  } else if (dots + commas === 0) {
    integer = s;
  } else {
    const sep = dots > 0 ? "." : ",";
    const parts = s.split(sep);
    if (sep === decimal) {
      if (parts.length !== 2) return { ok: false, message: "amountFormat" };
      [integer = "", fraction = ""] = parts;
    } else if (parts.length > 2) {
      // "1.234.567" / "1,234,567": only a thousands separator repeats.
      if (!groupedCorrectly(s, sep)) return { ok: false, message: "amountFormat" };
      integer = parts.join("");
    } else if (parts[1]?.length === 3 && groupedCorrectly(s, sep)) {
      // "1,234" is a thousand in English; "1.234" in Latvian is a thousand to some and 1.234 to others.
      if (locale === "lv") return { ok: false, message: "amountAmbiguous" };
      integer = parts.join("");
    } else if (locale === "lv") {
      // "12.5": a dot that cannot be a thousands separator is the decimal point of an English-formatted sheet.
      [integer = "", fraction = ""] = parts;
    } else {
      // "12,5" in English: a decimal comma or a mistyped group; refused, not guessed.
      return { ok: false, message: "amountAmbiguous" };
    }
  }

  if (integer === "" && fraction === "") return { ok: false, message: "amountFormat" };
  if (!/^[0-9]*$/.test(integer) || !/^[0-9]*$/.test(fraction)) return { ok: false, message: "amountFormat" };
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > maxDecimals) return { ok: false, message: "amountDecimals" };
  const digits = integer.replace(/^0+(?=[0-9])/, "") || "0";
  if (digits.length > maxIntegerDigits) return { ok: false, message: "amountTooLarge" };
  return { ok: true, value: `${digits}.${significant.padEnd(Math.min(2, maxDecimals), "0")}` };
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/** "1.234.567" with groups of three after the first group of one to three digits. */
function groupedCorrectly(s: string, group: string): boolean {
  if (!s.includes(group)) return /^[0-9]+$/.test(s);
  const [head = "", ...rest] = s.split(group);
  return /^[0-9]{1,3}$/.test(head) && rest.every((part) => /^[0-9]{3}$/.test(part));
}

/** The way an amount is shown in an input for editing: no currency, the locale's marks, no grouping. */
export function amountForInput(value: string | null | undefined, locale: Locale): string {
  if (value == null) return "";
  return locale === "lv" ? value.replace(".", ",") : value;
}
