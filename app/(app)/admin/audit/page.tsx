import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { loadTable } from "@/components/data-table/load";
import { parseTableQuery } from "@/components/data-table/spec";
import { changeValue } from "@/components/history/change-value";
import { listAudit, listAuditUsers } from "@/db/queries/audit";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { fieldChanges } from "@/lib/history";
import { resolveLocale } from "@/lib/i18n/config";
import { AuditTable, type AuditDisplayRow } from "./_components/audit-table";
import { ENTITY_NAMESPACE, entityHref } from "./entities";
import { AUDIT_ENTITIES, auditTableSpec } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

type Translate = Parameters<typeof changeValue>[3];

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser({ roles: ["admin"] });
  const query = parseTableQuery(auditTableSpec, await searchParams);
  const [t, tHistory, locale, result, users] = await Promise.all([
    getTranslations("audit"),
    getTranslations("history"),
    getLocale().then(resolveLocale),
    loadTable("audit", () => listAudit({ query })),
    listAuditUsers(),
  ]);
  // Field names and values are put in words here, on the server, where every feature's catalog is at hand.
  const catalogs = new Map<string, Translate>();
  for (const namespace of new Set(Object.values(ENTITY_NAMESPACE))) {
    if (namespace) catalogs.set(namespace, (await getTranslations(namespace)) as unknown as Translate);
  }
  const common = tHistory as unknown as Translate;
  const display = (rows: Awaited<ReturnType<typeof listAudit>>["rows"]): AuditDisplayRow[] =>
    rows.map((row) => {
      const namespace = ENTITY_NAMESPACE[row.entity];
      const tRecord = (namespace && catalogs.get(namespace)) || common;
      const action = tRecord.has(`actions.${row.action}`)
        ? tRecord(`actions.${row.action}`)
        : tHistory.has(`actions.${row.action}`)
          ? tHistory(`actions.${row.action}`)
          : row.action;
      return {
        id: row.id,
        at: formatDateTime(row.at, locale),
        user: row.userName ?? tHistory("system"),
        entity: t.has(`entities.${row.entity}`) ? t(`entities.${row.entity}`) : row.entity,
        entityId: row.entityId,
        href: entityHref(row.entity, row.entityId, row.after, row.before),
        action,
        requestId: row.requestId,
        changes: fieldChanges(row.before, row.after).map((change) => ({
          field: tRecord.has(`fields.${change.field}`) ? tRecord(`fields.${change.field}`) : change.field,
          before: changeValue(change.field, change.before, locale, tRecord, common),
          after: changeValue(change.field, change.after, locale, tRecord, common),
        })),
      };
    });
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-muted-foreground">{t("subtitle")}</p>
      </div>
      <AuditTable
        result={result.ok ? { ok: true, rows: display(result.rows), total: result.total } : result}
        entities={AUDIT_ENTITIES.map((value) => ({ value, label: t(`entities.${value}`) }))}
        users={users.map((u) => ({ value: String(u.id), label: u.name }))}
      />
    </div>
  );
}
