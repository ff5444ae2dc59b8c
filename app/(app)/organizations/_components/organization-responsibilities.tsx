import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ResponsibilityRow } from "@/db/queries/organizations";
import { formatDate } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

/** Who answers for the organization now and who did before: read-only here, changed in the matrix. */
export async function OrganizationResponsibilities({ rows, locale }: { rows: ResponsibilityRow[]; locale: Locale }) {
  const t = await getTranslations("organizations");
  const current = rows.filter((row) => row.validTo === null);
  const past = rows.filter((row) => row.validTo !== null);
  const table = (list: ResponsibilityRow[], caption: string) => (
    <Table className="max-w-3xl">
      <TableCaption className="sr-only">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{t("resp.ministry")}</TableHead>
          <TableHead scope="col">{t("resp.role")}</TableHead>
          <TableHead scope="col">{t("resp.validFrom")}</TableHead>
          <TableHead scope="col">{t("resp.validTo")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {list.map((row) => (
          <TableRow key={row.id}>
            <TableHead scope="row" className="font-normal">
              {locale === "en" ? row.nameEn : row.nameLv}
            </TableHead>
            <TableCell>{t(`roles.${row.role}`)}</TableCell>
            <TableCell className="tabular-nums">{formatDate(row.validFrom, locale)}</TableCell>
            <TableCell className="tabular-nums">{row.validTo ? formatDate(row.validTo, locale) : t("none")}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="responsibility-current" className="flex flex-col gap-3">
        <h2 id="responsibility-current" className="text-lg font-semibold">
          {t("resp.current")}
        </h2>
        {current.length ? table(current, t("resp.currentCaption")) : <p className="text-muted-foreground">{t("resp.emptyCurrent")}</p>}
      </section>
      <section aria-labelledby="responsibility-past" className="flex flex-col gap-3">
        <h2 id="responsibility-past" className="text-lg font-semibold">
          {t("resp.past")}
        </h2>
        {past.length ? table(past, t("resp.pastCaption")) : <p className="text-muted-foreground">{t("resp.emptyPast")}</p>}
      </section>
      <Link href="/organizations/responsibilities" className="text-primary w-fit text-sm underline-offset-4 hover:underline">
        {t("resp.matrix")}
      </Link>
    </div>
  );
}
