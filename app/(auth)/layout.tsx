import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LocaleSwitch } from "@/components/app-shell/locale-switch";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("app");
  return (
    <div className="bg-muted/40 flex min-h-screen flex-col">
      <header className="flex h-14 items-center gap-2 border-b bg-background px-4">
        <span className="bg-primary inline-block h-4 w-1.5 rounded-sm" aria-hidden="true" />
        <span className="font-semibold">{t("name")}</span>
        <span className="text-muted-foreground hidden text-sm md:inline">{t("ministry")}</span>
        <div className="ml-auto">
          <LocaleSwitch />
        </div>
      </header>
      <main id="main" className="flex flex-1 items-start justify-center p-4 pt-16">
        {children}
      </main>
    </div>
  );
}
