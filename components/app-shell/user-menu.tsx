import { LogOut, UserRound } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import type { SessionUser } from "@/lib/auth/session";

/** Who is signed in, in which role and ministry scope, with the way to their account and out. */
export async function UserMenu({ user }: { user: SessionUser }) {
  const [t, locale] = await Promise.all([getTranslations("user"), getLocale()]);
  const ministry = locale === "en" ? user.ministryNameEn : user.ministryNameLv;
  return (
    <div role="group" aria-label={t("menu")} className="flex items-center gap-2">
      <Link href="/account" className="hover:bg-accent flex items-center gap-2 rounded-md px-2 py-1 text-sm">
        <UserRound className="size-4" aria-hidden="true" />
        <span className="flex flex-col leading-tight">
          <span className="font-medium">{user.name}</span>
          <span className="text-muted-foreground text-xs" data-testid="user-scope">
            {t(`role.${user.role}`)}
            {ministry ? ` · ${ministry}` : user.role === "admin" ? "" : ` · ${t("allMinistries")}`}
          </span>
        </span>
      </Link>
      <form action={signOutAction}>
        <Button type="submit" variant="ghost" size="sm">
          <LogOut className="size-4" aria-hidden="true" />
          {t("signOut")}
        </Button>
      </form>
    </div>
  );
}
