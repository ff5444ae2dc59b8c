import { UserRound } from "lucide-react";
import { getTranslations } from "next-intl/server";

/**
 * Where the signed-in user's menu goes. Until sign-in exists it says so, rather than pretending.
 */
export async function UserMenuSlot() {
  const t = await getTranslations("user");
  return (
    <div className="text-muted-foreground flex items-center gap-2 text-sm" aria-label={t("menu")} role="group">
      <UserRound className="size-4" aria-hidden="true" />
      <span>{t("signedOut")}</span>
    </div>
  );
}
