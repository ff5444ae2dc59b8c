import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { LocaleSwitch } from "./locale-switch";
import { MainNav } from "./main-nav";
import type { SessionUser } from "@/lib/auth/session";
import { UserMenu } from "./user-menu";

export async function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const t = await getTranslations("app");
  return (
    <div className="bg-background min-h-screen">
      <a
        href="#main"
        className="bg-background sr-only z-50 rounded-md px-3 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        {t("skipToContent")}
      </a>
      <header className="border-b">
        <div className="flex h-14 items-center gap-4 px-4">
          <Link href="/" className="flex items-baseline gap-2 font-semibold">
            <span className="bg-primary inline-block h-4 w-1.5 rounded-sm" aria-hidden="true" />
            <span>{t("name")}</span>
            <span className="text-muted-foreground hidden text-sm font-normal md:inline">{t("ministry")}</span>
          </Link>
          <div className="ml-auto flex items-center gap-4">
            <LocaleSwitch />
            <UserMenu user={user} />
          </div>
        </div>
      </header>
      <div className="flex flex-col md:flex-row">
        <aside className="border-b p-3 md:min-h-[calc(100vh-3.5rem)] md:w-60 md:shrink-0 md:border-r md:border-b-0">
          <MainNav role={user.role} />
        </aside>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-4 md:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
