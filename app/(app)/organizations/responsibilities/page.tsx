import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { unstable_rethrow } from "next/navigation";
import { loadResponsibilityMatrix, type Matrix } from "@/db/queries/responsibilities";
import { scopeAllows } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/config";
import { logEvent } from "@/lib/log";
import { requestId } from "@/lib/request";
import { MatrixError } from "./_components/matrix-error";
import { MatrixFilters } from "./_components/matrix-filters";
import { ResponsibilityGrid } from "./_components/responsibility-grid";
import { RoleLegend } from "./_components/role-legend";
import { parseMatrixQuery, type MatrixQuery } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("responsibilities");
  return { title: t("title") };
}

async function loadMatrix(query: MatrixQuery): Promise<Matrix | null> {
  try {
    return await loadResponsibilityMatrix({ query });
  } catch (error) {
    unstable_rethrow(error);
    const id = await requestId();
    logEvent({ action: "responsibilities.list", outcome: "error", requestId: id, reason: error instanceof Error ? error.name : "unknown" });
    console.error(`[${id}] responsibilities.list:`, error instanceof Error ? error.message.split("\nparams:")[0] : error);
    return null;
  }
}

export default async function ResponsibilitiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const query = parseMatrixQuery(await searchParams);
  const locale = resolveLocale(await getLocale());
  const [t, matrix] = await Promise.all([getTranslations("responsibilities"), loadMatrix(query)]);

  const name = (m: { nameLv: string; nameEn: string }) => (locale === "en" ? m.nameEn : m.nameLv);
  const columns = (matrix?.ministries ?? []).map((m) => ({
    id: m.id,
    abbr: t.has(`ministryAbbr.${m.code}`) ? t(`ministryAbbr.${m.code}`) : m.code.toUpperCase(),
    name: name(m),
  }));
  const chosen = columns.find((m) => m.id === query.ministryId);
  const own = columns.find((m) => m.id === user.ministryId);
  const canEdit = user.role !== "viewer";
  // What the page offers; the action checks the same scope again under the organization's lock.
  const rows = (matrix?.rows ?? []).map((row) => ({
    id: row.id,
    acronym: row.acronym,
    name: name(row),
    roles: row.roles,
    editable: canEdit && scopeAllows(user, { ministryIds: row.leadMinistryId === null ? [] : [row.leadMinistryId] }),
  }));

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-muted-foreground">{t("subtitle")}</p>
        {canEdit && user.ministryId !== null && own && <p className="text-muted-foreground mt-1 text-sm">{t("scoped", { ministry: own.name })}</p>}
      </div>
      <MatrixFilters ministries={columns.map((m) => ({ value: String(m.id), label: m.name }))} total={matrix ? rows.length : null} />
      <RoleLegend />
      {matrix ? (
        <ResponsibilityGrid
          ministries={columns}
          rows={rows}
          caption={chosen ? t("captionFor", { ministry: chosen.name }) : t("caption")}
          highlightId={chosen?.id ?? null}
          readOnly={!canEdit}
        />
      ) : (
        <MatrixError />
      )}
    </div>
  );
}
