import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/history/record-history";
import { RecordTabs } from "@/components/record-tabs";
import { Badge } from "@/components/ui/badge";
import { getOrganization, listOrganizationMissions, listOrganizationResponsibilities, listOrganizationYearTotals } from "@/db/queries/organizations";
import { requireUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { OrganizationContributions } from "../_components/organization-contributions";
import { OrganizationForms } from "../_components/organization-forms";
import { OrganizationMissions } from "../_components/organization-missions";
import { OrganizationResponsibilities } from "../_components/organization-responsibilities";
import { OrganizationSummary } from "../_components/organization-summary";
import { canEditOrganization, isAdmin } from "../access";
import { currencyOptions } from "../options";

const idOf = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [t, id] = await Promise.all([getTranslations("organizations"), params.then((p) => idOf(p.id))]);
  const organization = id ? await getOrganization({ id }) : null;
  return { title: organization ? organization.acronym : t("title") };
}

export default async function OrganizationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = idOf((await params).id);
  const organization = id ? await getOrganization({ id }) : null;
  if (!organization) notFound();
  const canEdit = canEditOrganization(user, organization);
  const [t, tHistory, locale, responsibilities, missions, years] = await Promise.all([
    getTranslations("organizations"),
    getTranslations("history"),
    getLocale().then(resolveLocale),
    listOrganizationResponsibilities({ organizationId: organization.id }),
    listOrganizationMissions({ organizationId: organization.id }),
    listOrganizationYearTotals({ organizationId: organization.id }),
  ]);
  const currencies = canEdit ? await currencyOptions(locale) : [];
  const name = locale === "en" ? organization.nameEn : organization.nameLv;
  return (
    <div className="flex flex-col gap-8">
      <div>
        <Link href="/organizations" className="text-muted-foreground text-sm underline-offset-4 hover:underline">
          ← {t("title")}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">{organization.acronym}</h1>
        <p className="text-muted-foreground flex flex-wrap items-center gap-2">
          {name} · {t(`values.kind.${organization.kind}`)}
          {organization.archivedAt && <Badge variant="outline">{t("archived")}</Badge>}
        </p>
      </div>
      <RecordTabs
        label={tHistory("tabsLabel")}
        tabs={[
          {
            value: "details",
            label: tHistory("details"),
            content: (
              <div className="flex flex-col gap-8">
                <OrganizationSummary organization={organization} locale={locale} full={!canEdit} />
                {canEdit ? (
                  <OrganizationForms
                    organization={{
                      id: organization.id,
                      version: organization.version,
                      acronym: organization.acronym,
                      nameLv: organization.nameLv,
                      nameEn: organization.nameEn,
                      kind: organization.kind,
                      hqCity: organization.hqCity,
                      website: organization.website,
                      memberSince: organization.memberSince,
                      treatyUrl: organization.treatyUrl,
                      billingCurrencies: organization.billingCurrencies,
                      sourceUrl: organization.sourceUrl,
                      notes: organization.notes,
                    }}
                    archived={!!organization.archivedAt}
                    canDelete={isAdmin(user)}
                    currencies={currencies}
                  />
                ) : (
                  <p className="text-muted-foreground text-sm">{t("readOnly")}</p>
                )}
              </div>
            ),
          },
          {
            value: "responsibilities",
            label: t("tabs.responsibilities"),
            content: <OrganizationResponsibilities rows={responsibilities} locale={locale} />,
          },
          { value: "missions", label: t("tabs.missions"), content: <OrganizationMissions rows={missions} locale={locale} /> },
          { value: "contributions", label: t("tabs.contributions"), content: <OrganizationContributions rows={years} locale={locale} /> },
          {
            value: "history",
            label: tHistory("tab"),
            content: <RecordHistory entity="organizations" entityId={organization.id} namespace="organizations" />,
          },
        ]}
      />
    </div>
  );
}
