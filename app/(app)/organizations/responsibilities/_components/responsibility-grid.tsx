"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ResponsibilityRole } from "@/db/schema/enums";
import { cn } from "@/lib/utils";
import { setResponsibility } from "../actions";
import { CELL_ROLES, type CellRole } from "../schemas";
import { RoleBadge } from "./role-badge";
import { RoleMenu } from "./role-menu";
import { useGridFocus } from "./use-grid-focus";

export interface GridMinistry {
  id: number;
  /** Shown in the column header ("ZM"). */
  abbr: string;
  /** Read by screen readers in the header and used in messages. */
  name: string;
}

export interface GridRow {
  id: number;
  acronym: string;
  name: string;
  roles: Record<number, ResponsibilityRole>;
  /** The user may change this row's cells (role and ministry scope, decided by the server). */
  editable: boolean;
}

type Notice = { tone: "status" | "alert"; text: string } | null;

/**
 * The matrix as a data grid on a real table: organizations (row headers, linked to their pages) ×
 * ministries (column headers), each cell a role. Editable cells open a role menu; each pick is one
 * server action carrying the role the user saw, so a change made meanwhile by someone else is reported
 * instead of overwritten.
 */
export function ResponsibilityGrid({
  ministries,
  rows,
  caption,
  highlightId,
  readOnly,
}: {
  ministries: GridMinistry[];
  rows: GridRow[];
  caption: string;
  highlightId: number | null;
  readOnly: boolean;
}) {
  const t = useTranslations("responsibilities");
  const tErrors = useTranslations("actionErrors");
  const router = useRouter();
  const id = useId();
  const [, startTransition] = useTransition();
  const [pending, setPending] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const grid = useGridFocus(rows.length + 1, ministries.length + 1, rows.length ? { row: 1, col: 1 } : { row: 0, col: 0 }, rows);

  const roleName = (role: unknown) => ((CELL_ROLES as readonly unknown[]).includes(role) ? t(`roles.${role as CellRole}`) : String(role));

  function apply(row: GridRow, ministry: GridMinistry, role: CellRole, expected: CellRole) {
    if (role === expected) return;
    const key = `${row.id}:${ministry.id}`;
    const names = { organization: row.acronym, ministry: ministry.name };
    setPending(key);
    setNotice(null);
    grid.keepFocus(true);
    startTransition(async () => {
      const result = await setResponsibility({ organizationId: row.id, ministryId: ministry.id, role, expected });
      setPending(null);
      if (result.ok) {
        const ended = result.data.endedLead;
        const previous = ended && (ministries.find((m) => m.id === ended.ministryId)?.name ?? ended.code.toUpperCase());
        setNotice({
          tone: "status",
          text: previous ? t("leadMoved", { ...names, previous }) : t("changed", { ...names, role: roleName(role) }),
        });
      } else {
        // A conflict, or a row no longer this user's (its lead changed meanwhile): show what is saved now.
        // Otherwise nothing was saved and nothing will be reloaded: the focused cell stays as it is.
        const reload = result.error === "conflict" || result.error === "not_found";
        grid.keepFocus(reload);
        const text =
          result.error === "conflict"
            ? t("conflict", { ...names, role: roleName(result.current) })
            : result.fieldErrors?.role?.includes("leadRequired")
              ? t("leadRequired", names)
              : tErrors(result.error);
        setNotice({ tone: "alert", text });
        if (reload) router.refresh();
      }
    });
  }

  return (
    <div className="flex flex-col gap-3">
      <p id={`${id}-keys`} className="text-muted-foreground text-sm">
        {readOnly ? t("readOnly") : t("keyboard")}
      </p>
      <div className="min-h-6 text-sm">
        <p role="status" className="text-emerald-700">
          {notice?.tone === "status" ? notice.text : ""}
        </p>
        <p role="alert" className="text-destructive">
          {notice?.tone === "alert" ? notice.text : ""}
        </p>
      </div>
      <Table role="grid" aria-labelledby={`${id}-caption`} aria-describedby={`${id}-keys`} aria-readonly={readOnly || undefined} onFocus={grid.onFocus}>
        <TableCaption id={`${id}-caption`} className="mt-0 mb-2 caption-top text-left">
          {caption}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead scope="col" {...grid.cellProps(0, 0)} className="bg-background sticky left-0 z-10">
              {t("organization")}
            </TableHead>
            {ministries.map((m, c) => (
              <TableHead
                key={m.id}
                scope="col"
                title={m.name}
                {...grid.cellProps(0, c + 1)}
                className={cn("w-12 px-1 text-center", m.id === highlightId && "bg-accent")}
              >
                <span aria-hidden="true">{m.abbr}</span>
                <span className="sr-only">
                  {m.name}
                  {m.id === highlightId && ` ${t("selectedColumn")}`}
                </span>
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, index) => {
            const r = index + 1;
            return (
              <TableRow key={row.id}>
                <TableHead scope="row" className="bg-background sticky left-0 z-10 max-w-80 font-normal whitespace-normal">
                  <Link
                    href={`/organizations/${row.id}`}
                    {...grid.cellProps(r, 0)}
                    className="text-primary font-medium underline-offset-4 hover:underline"
                  >
                    {row.acronym}
                  </Link>{" "}
                  <span className="text-muted-foreground">{row.name}</span>
                </TableHead>
                {ministries.map((m, c) => {
                  const role: CellRole = row.roles[m.id] ?? "none";
                  const busy = pending === `${row.id}:${m.id}`;
                  const highlighted = m.id === highlightId;
                  return row.editable ? (
                    <TableCell key={m.id} role="gridcell" aria-busy={busy || undefined} className={cn("px-1 text-center", highlighted && "bg-accent")}>
                      <RoleMenu
                        role={role}
                        label={t("menu", { organization: row.acronym, ministry: m.name })}
                        busy={busy}
                        onPick={(next) => apply(row, m, next, role)}
                        focus={grid.cellProps(r, c + 1)}
                      />
                    </TableCell>
                  ) : (
                    <TableCell
                      key={m.id}
                      role="gridcell"
                      aria-readonly={readOnly ? undefined : true}
                      {...grid.cellProps(r, c + 1)}
                      className={cn("px-1 text-center", highlighted && "bg-accent")}
                    >
                      <RoleBadge role={role} abbr={t(`abbr.${role}`)} />
                      <span className="sr-only">{t(`roles.${role}`)}</span>
                    </TableCell>
                  );
                })}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {rows.length === 0 && <p className="text-muted-foreground">{t("empty")}</p>}
    </div>
  );
}
