import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { signInWithOidc } from "../../actions";

export async function OidcSignIn({ name, callbackUrl }: { name: string; callbackUrl: string }) {
  const t = await getTranslations("auth");
  return (
    <form action={signInWithOidc} className="flex flex-col gap-2 border-t pt-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Button type="submit" variant="outline">
        {t("oidc", { name })}
      </Button>
    </form>
  );
}
