"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

const LINKS = [
  { key: "users", href: "/admin/users" },
  { key: "exchangeRates", href: "/admin/exchange-rates" },
  { key: "fiscalYears", href: "/admin/fiscal-years" },
  { key: "audit", href: "/admin/audit" },
] as const;

/** The administration pages, as tabs of one section. */
export function AdminNav() {
  const t = useTranslations("adminNav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="border-b">
      <ul className="flex gap-4">
        {LINKS.map(({ key, href }) => {
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={key}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "-mb-px inline-block border-b-2 px-1 pb-2 text-sm font-medium",
                  active ? "border-primary text-foreground" : "text-muted-foreground hover:text-foreground border-transparent",
                )}
              >
                {t(key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
