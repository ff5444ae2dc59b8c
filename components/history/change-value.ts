import { formatDate, formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

type Translate = { (key: string): string; has: (key: string) => boolean };

/**
 * An audited value as a reader wants it: dates in their locale, yes/no, lists joined, enum values by
 * their name in the record's catalog (`<namespace>.values.<field>.<value>`) when it has one.
 */
export function changeValue(field: string, value: unknown, locale: Locale, t: Translate, tCommon: Translate): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return tCommon(value ? "yes" : "no");
  if (Array.isArray(value)) return value.length ? value.map((v) => changeValue(field, v, locale, t, tCommon)).join(", ") : "—";
  if (typeof value === "string") {
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value, locale);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale);
    const key = `values.${field}.${value}`;
    return t.has(key) ? t(key) : value;
  }
  if (typeof value === "object") {
    // A summary such as the seed's counts: "ministries: 14, missions: 10", which wraps where JSON would not.
    return Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => `${key}: ${typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)}`)
      .join(", ");
  }
  return String(value);
}
