import enAudit from "./en/audit.json";
import enExports from "./en/exports.json";
import enImport from "./en/import.json";
import enCommon from "./en/common.json";
import enContributionYears from "./en/contribution-years.json";
import enContributions from "./en/contributions.json";
import enMinistries from "./en/ministries.json";
import enMissions from "./en/missions.json";
import enOrganizations from "./en/organizations.json";
import enPayments from "./en/payments.json";
import enRates from "./en/rates.json";
import enReports from "./en/reports.json";
import enResponsibilities from "./en/responsibilities.json";
import lvAudit from "./lv/audit.json";
import lvCommon from "./lv/common.json";
import lvContributionYears from "./lv/contribution-years.json";
import lvContributions from "./lv/contributions.json";
import lvExports from "./lv/exports.json";
import lvImport from "./lv/import.json";
import lvMinistries from "./lv/ministries.json";
import lvMissions from "./lv/missions.json";
import lvOrganizations from "./lv/organizations.json";
import lvPayments from "./lv/payments.json";
import lvRates from "./lv/rates.json";
import lvReports from "./lv/reports.json";
import lvResponsibilities from "./lv/responsibilities.json";
import type { Locale } from "@/lib/i18n/config";

type Catalog = Record<string, unknown>;

/**
 * One file per area of the app and language, so that features own their words; the top-level keys are
 * next-intl namespaces and must not repeat across files (a repeat would silently replace a namespace).
 */
function merge(locale: Locale, parts: Record<string, Catalog>): Catalog {
  const out: Catalog = {};
  for (const [file, part] of Object.entries(parts)) {
    for (const [namespace, value] of Object.entries(part)) {
      if (namespace in out) throw new Error(`messages/${locale}/${file}.json repeats the namespace "${namespace}"`);
      out[namespace] = value;
    }
  }
  return out;
}

export const catalogs: Record<Locale, Catalog> = {
  lv: merge("lv", {
    common: lvCommon,
    missions: lvMissions,
    organizations: lvOrganizations,
    ministries: lvMinistries,
    responsibilities: lvResponsibilities,
    audit: lvAudit,
    contributions: lvContributions,
    payments: lvPayments,
    "contribution-years": lvContributionYears,
    rates: lvRates,
    reports: lvReports,
    exports: lvExports,
    import: lvImport,
  }),
  en: merge("en", {
    common: enCommon,
    missions: enMissions,
    organizations: enOrganizations,
    ministries: enMinistries,
    responsibilities: enResponsibilities,
    audit: enAudit,
    contributions: enContributions,
    payments: enPayments,
    "contribution-years": enContributionYears,
    rates: enRates,
    reports: enReports,
    exports: enExports,
    import: enImport,
  }),
};
