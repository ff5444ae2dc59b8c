import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { recordHistory } from "@/db/queries/audit";
import { currentUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { fieldChanges } from "@/lib/history";
import { resolveLocale } from "@/lib/i18n/config";
import { changeValue } from "./change-value";

/**
 * A record's History tab: one row per changed field — when, who, what was done, which field, before →
 * after — from the audit log. Field names come from `<namespace>.fields.<key>` of the record's catalog.
 */
export async function RecordHistory({ entity, entityId, namespace }: { entity: string; entityId: number; namespace: string }) {
  const [rows, t, tRecord, locale, user] = await Promise.all([
    recordHistory({ entity, entityId }),
    getTranslations("history"),
    getTranslations(namespace),
    getLocale().then(resolveLocale),
    currentUser(),
  ]);
  const tCommon = t as unknown as Parameters<typeof changeValue>[4];
  const tValues = tRecord as unknown as Parameters<typeof changeValue>[3];
  const label = (field: string) => (tRecord.has(`fields.${field}`) ? tRecord(`fields.${field}`) : field);
  // A record's own actions ("add_organization") are named in its catalog; the common ones here.
  const actionLabel = (action: string) =>
    tRecord.has(`actions.${action}`) ? tRecord(`actions.${action}`) : t.has(`actions.${action}`) ? t(`actions.${action}`) : action;

  if (rows.length === 0) return <p className="text-muted-foreground">{t("empty")}</p>;
  return (
    <div className="flex flex-col gap-3">
      {user?.role === "admin" && (
        <Link
          href={`/admin/audit?entity=${encodeURIComponent(entity)}&record=${entityId}`}
          className="text-primary w-fit text-sm underline-offset-4 hover:underline"
        >
          {t("showAll")}
        </Link>
      )}
      <Table>
        <TableCaption className="sr-only">{t("caption")}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">{t("when")}</TableHead>
            <TableHead scope="col">{t("who")}</TableHead>
            <TableHead scope="col">{t("action")}</TableHead>
            <TableHead scope="col">{t("field")}</TableHead>
            <TableHead scope="col">{t("before")}</TableHead>
            <TableHead scope="col">{t("after")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.flatMap((row) => {
            const changes = fieldChanges(row.before, row.after);
            const common = (
              <>
                <TableCell className="whitespace-nowrap tabular-nums">{formatDateTime(row.at, locale)}</TableCell>
                <TableCell>{row.userName ?? t("system")}</TableCell>
                <TableCell>{actionLabel(row.action)}</TableCell>
              </>
            );
            if (changes.length === 0) {
              return [
                <TableRow key={row.id}>
                  {common}
                  <TableCell colSpan={3} className="text-muted-foreground">
                    —
                  </TableCell>
                </TableRow>,
              ];
            }
            return changes.map((change) => (
              <TableRow key={`${row.id}-${change.field}`} data-testid="history-row">
                {common}
                <TableCell>{label(change.field)}</TableCell>
                <TableCell className="text-muted-foreground max-w-sm break-words whitespace-normal">
                  {changeValue(change.field, change.before, locale, tValues, tCommon)}
                </TableCell>
                <TableCell className="max-w-sm break-words whitespace-normal">{changeValue(change.field, change.after, locale, tValues, tCommon)}</TableCell>
              </TableRow>
            ));
          })}
        </TableBody>
      </Table>
    </div>
  );
}
