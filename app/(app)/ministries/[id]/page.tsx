import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadTable } from "@/components/data-table/load";
import { parseTableQuery } from "@/components/data-table/spec";
import { RecordHistory } from "@/components/history/record-history";
import { RecordTabs } from "@/components/record-tabs";
import { Badge } from "@/components/ui/badge";
import { getMinistry, getMinistryCounts, listMinistryProgrammes, listMinistryResponsibilities } from "@/db/queries/ministries";
import { requireUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { MinistryForms } from "../_components/ministry-forms";
import { MinistryOrganizations } from "../_components/ministry-organizations";
import { MinistrySummary } from "../_components/ministry-summary";
import { ProgrammesTable } from "../_components/programmes-table";
import { canEditMinistries, canEditProgrammes } from "../access";
import { programmesTableSpec } from "../search-params";

const idOf = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [t, locale, id] = await Promise.all([getTranslations("ministries"), getLocale().then(resolveLocale), params.then((p) => idOf(p.id))]);
  const ministry = id ? await getMinistry({ id }) : null;
  return { title: ministry ? (locale === "en" ? ministry.nameEn : ministry.nameLv) : t("title") };
}

export default async function MinistryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const id = idOf((await params).id);
  const ministry = id ? await getMinistry({ id }) : null;
  if (!ministry) notFound();
  const query = parseTableQuery(programmesTableSpec, await searchParams);
  const locale = resolveLocale(await getLocale());
  const [t, tProgrammes, tHistory, programmes, responsibilities, counts] = await Promise.all([
    getTranslations("ministries"),
    getTranslations("programmes"),
    getTranslations("history"),
    loadTable("programmes", () => listMinistryProgrammes({ ministryId: ministry.id, query, locale })),
    listMinistryResponsibilities({ ministryId: ministry.id }),
    getMinistryCounts({ ministryId: ministry.id }),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <div>
        <Link href="/ministries" className="text-muted-foreground text-sm underline-offset-4 hover:underline">
          ← {t("title")}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">{locale === "en" ? ministry.nameEn : ministry.nameLv}</h1>
        <p className="text-muted-foreground flex flex-wrap items-center gap-2">
          <code className="font-mono">{ministry.code}</code>
          {!ministry.active && <Badge variant="outline">{t("inactive")}</Badge>}
        </p>
      </div>
      <RecordTabs
        label={tHistory("tabsLabel")}
        tabs={[
          {
            value: "details",
            label: tHistory("details"),
            content: canEditMinistries(user) ? (
              <MinistryForms
                ministry={{
                  id: ministry.id,
                  version: ministry.version,
                  code: ministry.code,
                  nameLv: ministry.nameLv,
                  nameEn: ministry.nameEn,
                  active: ministry.active,
                }}
              />
            ) : (
              <MinistrySummary ministry={ministry} {...counts} />
            ),
          },
          {
            value: "programmes",
            label: tProgrammes("title"),
            content: <ProgrammesTable ministryId={ministry.id} result={programmes} canEdit={canEditProgrammes(user, ministry.id)} />,
          },
          { value: "organizations", label: t("tabs.organizations"), content: <MinistryOrganizations rows={responsibilities} /> },
          { value: "history", label: tHistory("tab"), content: <RecordHistory entity="ministries" entityId={ministry.id} namespace="ministries" /> },
        ]}
      />
    </div>
  );
}
