import { Info } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Alert, AlertDescription } from "@/components/ui/alert";

export async function DemoNotice({ year }: { year: number }) {
  const t = await getTranslations("dashboard");
  return (
    <Alert role="note">
      <Info aria-hidden="true" />
      <AlertDescription>{t("demoNotice", { year })}</AlertDescription>
    </Alert>
  );
}
