import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { oidcSettings } from "@/lib/auth/oidc";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { currentUser } from "@/lib/auth/session";
import { SignInForm } from "./_components/sign-in-form";
import { OidcSignIn } from "./_components/oidc-sign-in";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await currentUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  const oidc = oidcSettings();
  // Errors next-auth reports by redirect (the identity provider path); the password form reports its own.
  const providerError = params.error === "AccessDenied" ? t("oidcDenied") : params.error ? t("failed") : null;
  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <CardTitle>
          <h1 className="text-xl">{t("title")}</h1>
        </CardTitle>
        <CardDescription>{t("intro")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        <SignInForm callbackUrl={callbackUrl} providerError={providerError} />
        {oidc && <OidcSignIn name={oidc.name} callbackUrl={callbackUrl} />}
      </CardContent>
    </Card>
  );
}
