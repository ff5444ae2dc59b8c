import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { Ministry } from "@/db/schema";
import { formatNumber } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/config";
import { FactsList } from "@/components/facts-list";

/** The ministry's facts for those who may not edit it (everyone but admins). */
export async function MinistrySummary({ ministry, leadCount, programmeCount }: { ministry: Ministry; leadCount: number; programmeCount: number }) {
  const [t, locale] = await Promise.all([getTranslations("ministries"), getLocale().then(resolveLocale)]);
  const items: [string, ReactNode][] = [
    [t("fields.code"), <code key="code" className="font-mono">{ministry.code}</code>],
    [t("fields.nameLv"), <span key="lv" lang="lv">{ministry.nameLv}</span>],
    [t("fields.nameEn"), <span key="en" lang="en">{ministry.nameEn}</span>],
    [t("status"), ministry.active ? t("active") : t("inactive")],
    [t("leadCount"), formatNumber(leadCount, locale)],
    [t("programmeCount"), formatNumber(programmeCount, locale)],
  ];
  return (
    <section aria-labelledby="ministry-details" className="flex flex-col gap-4">
      <h2 id="ministry-details" className="text-lg font-semibold">
        {t("details")}
      </h2>
      <p className="text-muted-foreground text-sm">{t("readOnly")}</p>
      <FactsList items={items} />
    </section>
  );
}
