"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";
import type { UserRole } from "@/db/schema/enums";
import { navItems } from "./nav-items";

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function MainNav({ role }: { role: UserRole }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  // The most specific section wins: /organizations/responsibilities is the matrix, not the organizations list.
  const current = navItems
    .filter((item) => item.ready && isActive(pathname, item.section ?? item.href))
    .sort((a, b) => (b.section ?? b.href).length - (a.section ?? a.href).length)[0]?.key;
  return (
    <nav aria-label={t("label")} className="flex flex-col gap-1">
      {navItems.filter((item) => !item.roles || item.roles.includes(role)).map(({ key, href, icon: Icon, ready }) => {
        const label = t(key);
        const base = "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium";
        if (!ready) {
          return (
            <span key={key} className={cn(base, "text-muted-foreground cursor-not-allowed")} aria-disabled="true">
              <Icon className="size-4" aria-hidden="true" />
              <span>{label}</span>
              <span className="ml-auto text-xs whitespace-nowrap">{t("comingSoon")}</span>
            </span>
          );
        }
        const active = key === current;
        return (
          <Link
            key={key}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              base,
              active ? "bg-primary text-primary-foreground" : "text-foreground hover:bg-accent hover:text-accent-foreground",
            )}
          >
            <Icon className="size-4" aria-hidden="true" />
            <span>{label}</span>
          </Link>
        );
      })}
    </nav>
  );
}
