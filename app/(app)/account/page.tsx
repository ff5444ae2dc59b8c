import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { getUser } from "@/db/queries/users";
import { requireUser } from "@/lib/auth/session";
import { PasswordForm } from "./_components/password-form";
import { ProfileForm } from "./_components/profile-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage() {
  const me = await requireUser({ allowPendingPasswordChange: true });
  const [t, tUser, locale, profile] = await Promise.all([
    getTranslations("account"),
    getTranslations("user"),
    getLocale(),
    getUser({ id: me.id }),
  ]);
  if (!profile) throw new Error("signed-in user has no row");
  const scope = (locale === "en" ? me.ministryNameEn : me.ministryNameLv) ?? tUser("allMinistries");
  return (
    <div className="flex max-w-2xl flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-muted-foreground">
          {profile.email} · {tUser(`role.${me.role}`)} · {scope}
        </p>
      </div>
      {me.mustChangePassword && (
        <Alert>
          <AlertDescription>{t("mustChange")}</AlertDescription>
        </Alert>
      )}
      {!me.mustChangePassword && (
        <section aria-labelledby="profile" className="flex flex-col gap-4">
          <h2 id="profile" className="text-lg font-semibold">
            {t("profile")}
          </h2>
          <ProfileForm version={profile.version} name={profile.name} locale={profile.locale === "en" ? "en" : "lv"} />
        </section>
      )}
      <section aria-labelledby="password" className="flex flex-col gap-4">
        <h2 id="password" className="text-lg font-semibold">
          {t("changePassword")}
        </h2>
        {profile.hasPassword ? <PasswordForm mustChange={me.mustChangePassword} /> : <p>{t("ssoOnly")}</p>}
      </section>
    </div>
  );
}
