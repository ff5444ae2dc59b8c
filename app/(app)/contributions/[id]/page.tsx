import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { RecordHistory } from "@/components/history/record-history";
import { RecordTabs } from "@/components/record-tabs";
import { closedYears } from "@/db/queries/contributions";
import { contributionPayments } from "@/db/queries/payments";
import { scopeAllows } from "@/lib/action";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { PaymentsPanel } from "../_components/payments-panel";
import { ContributionSummary } from "./_components/contribution-summary";

const idOf = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);

// One read per request, shared by the title and the page.
const contribution = cache((id: number) => contributionPayments({ id }));

/**
 * The contribution named by the URL, if the user may see it: a ministry-scoped user gets "not found" for
 * another ministry's line, exactly as for a missing one.
 */
async function load(params: Promise<{ id: string }>, user: SessionUser) {
  const id = idOf((await params).id);
  const found = id ? await contribution(id) : null;
  if (!found || !scopeAllows(user, { ministryIds: [found.row.payingMinistryId] })) return null;
  return found;
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [user, t, tContributions] = await Promise.all([requireUser(), getTranslations("payments"), getTranslations("contributions")]);
  const found = await load(params, user);
  if (!found) return { title: t("detail.notFoundTitle") };
  const { row } = found;
  return { title: t("detail.title", { acronym: row.acronym, year: String(row.year), kind: tContributions(`values.kind.${row.kind}`) }) };
}

export default async function ContributionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const found = await load(params, user);
  if (!found) notFound();
  const { row } = found;
  const [t, tContributions, tHistory, locale, closed] = await Promise.all([
    getTranslations("payments"),
    getTranslations("contributions"),
    getTranslations("history"),
    getLocale().then(resolveLocale),
    closedYears(),
  ]);
  const yearClosed = closed.has(row.year);
  // The payment actions' rules (a scoped user got this far only for their own ministry's line); hiding the
  // controls is tidiness, the server decides.
  const canEdit = user.role !== "viewer" && !yearClosed;
  return (
    <div className="flex flex-col gap-8">
      <div>
        <Link href={`/contributions?year=${row.year}`} className="text-muted-foreground text-sm underline-offset-4 hover:underline">
          ← {t("detail.back", { year: String(row.year) })}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">
          {t("detail.title", { acronym: row.acronym, year: String(row.year), kind: tContributions(`values.kind.${row.kind}`) })}
        </h1>
        {yearClosed && <p className="text-muted-foreground">{t("detail.yearClosed", { year: String(row.year) })}</p>}
      </div>
      <RecordTabs
        label={tHistory("tabsLabel")}
        tabs={[
          {
            value: "details",
            label: t("detail.details"),
            content: (
              <div className="flex flex-col gap-10">
                <ContributionSummary row={row} locale={locale} />
                <section aria-labelledby="contribution-payments" className="flex max-w-5xl flex-col gap-4">
                  <h2 id="contribution-payments" className="text-lg font-semibold">
                    {t("title")}
                  </h2>
                  {!canEdit && <p className="text-muted-foreground text-sm">{t("readOnly")}</p>}
                  <PaymentsPanel contributionId={row.id} initial={found} canEdit={canEdit} />
                </section>
              </div>
            ),
          },
          {
            value: "history",
            label: t("detail.history"),
            content: <RecordHistory entity="contributions" entityId={row.id} namespace="contributions" />,
          },
        ]}
      />
    </div>
  );
}
