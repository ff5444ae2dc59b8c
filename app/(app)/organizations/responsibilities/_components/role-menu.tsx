"use client";

import { useTranslations } from "next-intl";
import { useState, type ComponentProps } from "react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils";
import { CELL_ROLES, type CellRole } from "../schemas";
import { RoleBadge } from "./role-badge";

/**
 * An editable cell: a button showing the role that opens a menu of the roles on Enter, Space or a click.
 * Picking one applies it; Escape closes the menu without a change. Either way the menu gives focus back
 * to the button (Radix). The grid's own key handler comes first, so arrows move instead of opening.
 */
export function RoleMenu({
  role,
  label,
  busy,
  onPick,
  focus,
}: {
  role: CellRole;
  /** "FAO – Zemkopības ministrija": names the menu. */
  label: string;
  busy: boolean;
  onPick: (role: CellRole) => void;
  focus: Omit<ComponentProps<"button">, "children">;
}) {
  const t = useTranslations("responsibilities");
  const [open, setOpen] = useState(false);
  return (
    // While the cell's change is on its way, the menu stays shut: a second pick would meet a stale `expected`.
    // Not modal: a modal menu hides the rest of the page with aria-hidden while its cells stay focusable
    // (axe: aria-hidden-focus); the menu still keeps Tab inside and gives focus back on close.
    <DropdownMenu modal={false} open={open} onOpenChange={(next) => setOpen(next && !busy)}>
      <DropdownMenuTrigger asChild>
        <button
          type="button"
          {...focus}
          aria-disabled={busy || undefined}
          className={cn("hover:bg-accent inline-flex rounded-md p-0.5", busy && "animate-pulse cursor-wait")}
        >
          <RoleBadge role={role} abbr={t(`abbr.${role}`)} />
          <span className="sr-only">{busy ? t("saving") : t(`roles.${role}`)}</span>
        </button>
      </DropdownMenuTrigger>
      {/* Named by its cell, not by the trigger's role word (Radix labels it by the trigger otherwise). */}
      <DropdownMenuContent aria-labelledby={undefined} aria-label={label} align="center">
        <DropdownMenuRadioGroup value={role} onValueChange={(value) => onPick(value as CellRole)}>
          {CELL_ROLES.map((option) => (
            <DropdownMenuRadioItem key={option} value={option}>
              <RoleBadge role={option} abbr={t(`abbr.${option}`)} className="size-6" />
              {t(`roles.${option}`)}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
