"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { isLocale, localeCookie, locales, type Locale } from "@/lib/i18n/config";

const ONE_YEAR = 60 * 60 * 24 * 365;

function rememberLocale(locale: Locale) {
  document.cookie = `${localeCookie}=${locale}; path=/; max-age=${ONE_YEAR}; samesite=lax`;
}

/**
 * Switches the UI language by setting next-intl's cookie and re-rendering on the server. A cookie set
 * in the browser rather than a server action: choosing a language changes no data, so it needs no endpoint.
 */
export function LocaleSwitch() {
  const t = useTranslations("locale");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(locale: Locale) {
    rememberLocale(locale);
    startTransition(() => router.refresh());
  }

  return (
    <div role="group" aria-label={t("label")} className="flex items-center gap-1">
      {locales.map((locale) => {
        const active = isLocale(current) && current === locale;
        return (
          <Button
            key={locale}
            type="button"
            size="sm"
            variant={active ? "secondary" : "ghost"}
            aria-pressed={active}
            disabled={pending}
            lang={locale}
            onClick={() => choose(locale)}
          >
            <span aria-hidden="true">{locale.toUpperCase()}</span>
            <span className="sr-only">{t(locale)}</span>
          </Button>
        );
      })}
    </div>
  );
}
