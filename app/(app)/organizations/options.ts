import "server-only";
import { listCurrencyChoices, listMinistryChoices, listMissionChoices } from "@/db/queries/organizations";
import type { Locale } from "@/lib/i18n/config";

const named = (locale: Locale) => (row: { id: number; nameLv: string; nameEn: string }) => ({
  value: String(row.id),
  label: locale === "en" ? row.nameEn : row.nameLv,
});

export async function ministryOptions(locale: Locale) {
  return (await listMinistryChoices()).map(named(locale));
}

export async function missionOptions(locale: Locale) {
  return (await listMissionChoices()).map(named(locale));
}

export async function currencyOptions(locale: Locale) {
  return (await listCurrencyChoices()).map((c) => ({ value: c.code, label: locale === "en" ? c.nameEn : c.nameLv }));
}
