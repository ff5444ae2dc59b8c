export const locales = ["lv", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "lv";
/** next-intl's own cookie name, so its tooling and ours agree. */
export const localeCookie = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function resolveLocale(value: unknown): Locale {
  return isLocale(value) ? value : defaultLocale;
}

/** BCP 47 tag used for Intl formatting: English users here still work in euros and day-first dates. */
export const intlLocale: Record<Locale, string> = { lv: "lv-LV", en: "en-GB" };
