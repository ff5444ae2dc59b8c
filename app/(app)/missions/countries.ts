import { intlLocale, type Locale } from "@/lib/i18n/config";

/**
 * The officially assigned ISO 3166-1 alpha-2 codes (249). Intl.DisplayNames also names reserved and
 * withdrawn codes (EU, UK, XK, SU…), so it cannot be the list; it only gives the names.
 */
export const COUNTRY_CODES: readonly [string, ...string[]] = `
  AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE
  BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD
  CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
  DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF
  GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU
  ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
  KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
  MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
  NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
  PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
  SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK
  TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
  VN VU WF WS YE YT ZA ZM ZW
`
  .trim()
  .split(/\s+/) as [string, ...string[]];

const displayNames = new Map<Locale, Intl.DisplayNames>();

/** The country's name in the user's language ("Šveice", "Switzerland"); the code itself if unknown. */
export function countryName(code: string, locale: Locale): string {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([intlLocale[locale]], { type: "region", fallback: "code" });
    displayNames.set(locale, names);
  }
  return names.of(code) ?? code;
}

/**
 * Select options sorted by name in the user's language. Built on the server and passed down: the
 * browser's ICU may name or sort a country differently from Node's, which would break hydration.
 */
export function countryOptions(locale: Locale, codes: readonly string[] = COUNTRY_CODES): { value: string; label: string }[] {
  const collator = new Intl.Collator(intlLocale[locale]);
  return codes.map((code) => ({ value: code, label: countryName(code, locale) })).sort((a, b) => collator.compare(a.label, b.label));
}

/** Every code in the order of its name in the user's language: the list's "country" sort. */
export function countryOrder(locale: Locale): string[] {
  return countryOptions(locale).map((option) => option.value);
}
