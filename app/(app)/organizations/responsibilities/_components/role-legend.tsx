import { getTranslations } from "next-intl/server";
import { CELL_ROLES } from "../schemas";
import { RoleBadge } from "./role-badge";

/** What the letters in the cells mean. */
export async function RoleLegend() {
  const t = await getTranslations("responsibilities");
  return (
    <section aria-labelledby="responsibility-legend" className="flex flex-col gap-2">
      <h2 id="responsibility-legend" className="text-sm font-medium">
        {t("legend")}
      </h2>
      <dl className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        {CELL_ROLES.map((role) => (
          <div key={role} className="flex items-center gap-2">
            <dt className="flex items-center gap-2">
              <RoleBadge role={role} abbr={t(`abbr.${role}`)} />
              <span className="font-medium">{t(`roles.${role}`)}</span>
            </dt>
            <dd className="text-muted-foreground">{t(`explain.${role}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
