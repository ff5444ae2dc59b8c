import type { Locale } from "./i18n/config";

/**
 * Reads a date typed or pasted in a cell into ISO `yyyy-mm-dd`. Accepts ISO in every locale and the
 * day-first forms both our locales write (lv `31.03.2026`, en-GB `31/03/2026`); a day that does not
 * exist is refused, never rolled over into the next month.
 */
export function parseDateInput(text: string, _locale: Locale): { ok: true; value: string } | { ok: false; message: "date" } {
  const s = text.trim().replace(/\.$/, "");
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    return { ok: false, message: "date" };
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1990 || y > 2100 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, message: "date" };
  }
  return { ok: true, value: `${String(y)}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
}

/** How a stored ISO date is shown in an input for editing, in the locale's own short form. */
export function dateForInput(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return "";
  const [y, m, d] = iso.split("-");
  return locale === "lv" ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}
