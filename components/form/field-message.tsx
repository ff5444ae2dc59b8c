"use client";

import { useTranslations } from "next-intl";
import { messageParts } from "@/lib/validation";

/**
 * A field's validation message, from the client resolver or the server's fieldErrors: both carry keys of
 * the `validation` catalog (lib/validation.ts), so the words are the same and in the user's language.
 */
export function FieldMessage({ id, messages }: { id: string; messages?: string[] | string }) {
  const t = useTranslations("validation");
  const list = typeof messages === "string" ? [messages] : messages;
  if (!list?.length) return null;
  return (
    <p id={id} className="text-destructive text-sm">
      {list.map((message) => {
        const { key, n } = messageParts(message);
        return t.has(key) ? t(key, { n: n ?? 0 }) : t("invalid");
      }).join(" ")}
    </p>
  );
}
