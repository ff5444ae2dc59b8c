"use client";

import { useTranslations } from "next-intl";
import { messageParts } from "@/lib/validation";

/**
 * A field's validation message, from the client resolver or the server's fieldErrors: both carry keys of
 * the `validation` catalog (lib/validation.ts), so the words are the same and in the user's language.
 * `namespace` names a page's own catalog (e.g. a rate's 8 decimals) looked up first.
 */
export function FieldMessage({ id, messages, namespace }: { id: string; messages?: string[] | string; namespace?: string }) {
  const t = useTranslations("validation");
  const own = useTranslations((namespace ?? "validation") as never) as unknown as typeof t;
  const list = typeof messages === "string" ? [messages] : messages;
  if (!list?.length) return null;
  return (
    <p id={id} className="text-destructive text-sm">
      {list.map((message) => {
        const { key, n } = messageParts(message);
        if (namespace && own.has(key)) return own(key, { n: n ?? 0 });
        return t.has(key) ? t(key, { n: n ?? 0 }) : t("invalid");
      }).join(" ")}
    </p>
  );
}
