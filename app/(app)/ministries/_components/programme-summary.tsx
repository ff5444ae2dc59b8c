import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { BudgetProgramme } from "@/db/schema";
import { FactsList } from "@/components/facts-list";

/** The programme's fields for those who may not edit them (viewers, other ministries' editors). */
export async function ProgrammeSummary({ programme }: { programme: BudgetProgramme }) {
  const t = await getTranslations("programmes");
  const items: [string, ReactNode][] = [
    [t("fields.code"), <code key="code" className="font-mono">{programme.code}</code>],
    [t("fields.nameLv"), <span key="lv" lang="lv">{programme.nameLv}</span>],
    [t("fields.nameEn"), <span key="en" lang="en">{programme.nameEn}</span>],
    [t("fields.validFromYear"), String(programme.validFromYear)],
    [t("fields.validToYear"), programme.validToYear === null ? t("inForce") : String(programme.validToYear)],
  ];
  return (
    <section aria-labelledby="programme-details" className="flex flex-col gap-4">
      <h2 id="programme-details" className="text-lg font-semibold">
        {t("details")}
      </h2>
      <p className="text-muted-foreground text-sm">{t("readOnly")}</p>
      <FactsList items={items} />
    </section>
  );
}
