import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CompletenessReport } from "@/db/queries/reports";
import type { Locale } from "@/lib/i18n/config";

const linkClass = "text-primary underline-offset-4 hover:underline";

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * What keeps the year's figures from being complete: lines with gaps (each a link to the line), organizations
 * without a lead ministry and currencies the year uses with no exchange rate.
 */
export async function CompletenessLists({ report, year, locale }: { report: CompletenessReport; year: number; locale: Locale }) {
  const t = await getTranslations("reports");
  const tKind = await getTranslations("contributions.values.kind");
  return (
    <div className="flex flex-col gap-8">
      <Section id="completeness-lines" title={t("completeness.lines", { year: String(year) })}>
        {report.lines.length === 0 ? (
          <p className="text-muted-foreground">{t("completeness.linesEmpty")}</p>
        ) : (
          <Table className="min-w-max">
            <TableCaption className="sr-only">{t("completeness.lines", { year: String(year) })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">{t("columns.organization")}</TableHead>
                <TableHead scope="col">{t("columns.kind")}</TableHead>
                <TableHead scope="col">{t("columns.missing")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.lines.map((line) => (
                <TableRow key={line.id} data-testid="incomplete-line">
                  <TableHead scope="row" className="font-normal">
                    <Link href={`/contributions/${line.id}`} className={linkClass}>
                      {line.acronym}
                      <span className="sr-only"> — {t("completeness.openLine", { id: String(line.id) })}</span>
                    </Link>
                  </TableHead>
                  <TableCell>{tKind(line.kind)}</TableCell>
                  <TableCell>{line.missing.map((field) => t(`completeness.missing.${field}`)).join(", ")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
      <Section id="completeness-organizations" title={t("completeness.organizations")}>
        {report.organizationsWithoutLead.length === 0 ? (
          <p className="text-muted-foreground">{t("completeness.organizationsEmpty")}</p>
        ) : (
          <ul className="flex list-disc flex-col gap-1 pl-5">
            {report.organizationsWithoutLead.map((organization) => (
              <li key={organization.id}>
                <Link href={`/organizations/${organization.id}`} className={linkClass}>
                  {organization.acronym}
                </Link>{" "}
                <span className="text-muted-foreground">— {locale === "en" ? organization.nameEn : organization.nameLv}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="completeness-rates" title={t("completeness.rates")}>
        {report.missingRates.length === 0 ? (
          <p className="text-muted-foreground">{t("completeness.ratesEmpty")}</p>
        ) : (
          <ul className="flex list-disc flex-col gap-1 pl-5">
            {report.missingRates.map((rate) => (
              <li key={`${rate.year}-${rate.currency}`}>
                <span className="font-medium">{rate.currency}</span> {rate.year}: {t("completeness.rateLines", { count: rate.lineCount })}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
