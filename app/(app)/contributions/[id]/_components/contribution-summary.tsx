import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { contributionLabels, type SavedContributionRow } from "@/db/queries/contributions";
import { formatDate, formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { formatRate } from "@/lib/format";
import { FactsList } from "@/components/facts-list";

const linkClass = "text-primary underline-offset-4 hover:underline";

/** A contribution's figures as the grid holds them, read-only: edits happen in the grid. */
export async function ContributionSummary({ row, locale }: { row: SavedContributionRow; locale: Locale }) {
  const [t, tPay, labels] = await Promise.all([getTranslations("contributions"), getTranslations("payments"), contributionLabels(row, locale)]);
  const eur = (value: string | null) => formatMoney(value, "EUR", locale);
  const { organizationName, ministryName, programmeCode } = labels;
  const items: [string, ReactNode][] = [
    [
      t("fields.organization"),
      <Link key="org" href={`/organizations/${row.organizationId}`} className={linkClass}>
        {row.acronym} · {organizationName}
      </Link>,
    ],
    [
      t("fields.year"),
      <Link key="year" href={`/contributions?year=${row.year}&org=${row.organizationId}`} className={linkClass} aria-label={tPay("detail.yearLink", { acronym: row.acronym, year: String(row.year) })}>
        {row.year}
      </Link>,
    ],
    [t("fields.kind"), t(`values.kind.${row.kind}`)],
    [
      t("fields.payingMinistryId"),
      row.payingMinistryId ? (
        <Link key="ministry" href={`/ministries/${row.payingMinistryId}`} className={linkClass}>
          {ministryName}
        </Link>
      ) : (
        "—"
      ),
    ],
    [
      t("fields.budgetProgrammeId"),
      row.budgetProgrammeId && row.payingMinistryId ? (
        <Link key="programme" href={`/ministries/${row.payingMinistryId}/programmes/${row.budgetProgrammeId}`} className={`${linkClass} font-mono`}>
          {programmeCode}
        </Link>
      ) : (
        "—"
      ),
    ],
    [t("fields.currency"), row.currency ?? "—"],
    [t("fields.amount"), row.currency ? formatMoney(row.amount, row.currency, locale) : "—"],
    [t("fields.rate"), row.rate ? formatRate(row.rate, locale) : "—"],
    [t("fields.amountEur"), eur(row.amountEur)],
    [t("fields.plannedEur"), eur(row.plannedEur)],
    [t("fields.paidEur"), eur(row.paidEur)],
    [t("fields.outstandingEur"), eur(row.outstandingEur)],
    [t("fields.dueDate"), formatDate(row.dueDate, locale)],
    [
      t("fields.status"),
      <span key="status" className="flex flex-wrap items-center gap-2" data-testid="contribution-status">
        {t(`values.status.${row.status}`)}
        {row.overdue && <Badge variant="destructive">{tPay("detail.overdue")}</Badge>}
      </span>,
    ],
    [t("fields.cabinetOrder"), row.cabinetOrder ?? "—"],
    [t("fields.notes"), row.notes ? <span key="notes" className="whitespace-pre-line">{row.notes}</span> : "—"],
  ];
  return (
    <FactsList items={items} valueClassName="tabular-nums" data-contribution-id={row.id} data-version={row.version} />
  );
}
