import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { catalogs } from "@/messages";
import { localeCookie, resolveLocale } from "./config";

// No locale in the URL: the app is internal and bookmarks should survive a language switch.
// The cookie decides; signed-in users' profile locale is written into the same cookie at sign-in.
export default getRequestConfig(async () => {
  const store = await cookies();
  const locale = resolveLocale(store.get(localeCookie)?.value);
  return { locale, messages: catalogs[locale], timeZone: "Europe/Riga" };
});
