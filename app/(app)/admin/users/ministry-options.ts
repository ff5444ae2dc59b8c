import "server-only";
import { listMinistryOptions } from "@/db/queries/users";
import type { Locale } from "@/lib/i18n/config";

export async function ministryOptions(locale: Locale) {
  const rows = await listMinistryOptions();
  return rows.map((m) => ({ value: String(m.id), label: locale === "en" ? m.nameEn : m.nameLv }));
}
