import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { MinistryCreateForm } from "../_components/ministry-create-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ministries");
  return { title: t("new") };
}

export default async function NewMinistryPage() {
  // Others get the generic 404, as for any page that is not theirs.
  await requireUser({ roles: ["admin"] });
  const t = await getTranslations("ministries");
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/ministries" className="text-muted-foreground text-sm underline-offset-4 hover:underline">
          ← {t("title")}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">{t("new")}</h1>
        <p className="text-muted-foreground">{t("newIntro")}</p>
      </div>
      <MinistryCreateForm />
    </div>
  );
}
