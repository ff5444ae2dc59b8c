import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { OrganizationDetail } from "@/db/queries/organizations";
import { formatDate } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

const link = (href: string, text: string) => (
  <a href={href} target="_blank" rel="noopener noreferrer" className="text-primary break-all underline-offset-4 hover:underline">
    {text}
  </a>
);

/**
 * What everyone sees on the details tab: the lead ministry and the treaty on likumi.lv as a link; with
 * `full`, every field read-only (for those who may not edit).
 */
export async function OrganizationSummary({ organization, locale, full }: { organization: OrganizationDetail; locale: Locale; full: boolean }) {
  const t = await getTranslations("organizations");
  const none = t("none");
  const items: [string, ReactNode][] = [
    [t("fields.leadMinistryId"), organization.lead ? (locale === "en" ? organization.lead.nameEn : organization.lead.nameLv) : t("noLead")],
    [t("fields.treatyUrl"), organization.treatyUrl ? link(organization.treatyUrl, t("treatyLink")) : t("noTreaty")],
  ];
  if (full) {
    items.push(
      [t("fields.acronym"), organization.acronym],
      [t("fields.nameLv"), organization.nameLv],
      [t("fields.nameEn"), organization.nameEn],
      [t("fields.kind"), t(`values.kind.${organization.kind}`)],
      [t("fields.hqCity"), organization.hqCity ?? none],
      [t("fields.memberSince"), organization.memberSince ? formatDate(organization.memberSince, locale) : none],
      [t("fields.billingCurrencies"), organization.billingCurrencies.join(", ") || none],
      [t("fields.website"), organization.website ? link(organization.website, organization.website) : none],
      [t("fields.sourceUrl"), organization.sourceUrl ? link(organization.sourceUrl, organization.sourceUrl) : none],
      [t("fields.notes"), organization.notes ?? none],
    );
  }
  return (
    <dl className="grid max-w-3xl gap-x-6 gap-y-3 sm:grid-cols-[minmax(10rem,auto)_1fr]" data-testid="organization-summary">
      {items.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-muted-foreground text-sm">{term}</dt>
          <dd className="whitespace-pre-line">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
