import { expect, type APIRequestContext } from "@playwright/test";

/** Text that only someone allowed into the users admin may see: other people's addresses. */
export const PROTECTED = ["admin@iemaksas.example", "zm.redaktors@iemaksas.example", "redaktors@iemaksas.example"];

/** How Next marks a notFound() rendered into a flight (RSC) answer. */
const NOT_FOUND_IN_FLIGHT = "NEXT_HTTP_ERROR_FALLBACK;404";

export type Outcome = "login" | "not found" | "prefetch without content" | `status ${number}`;

/**
 * Requests `path` with `headers`, following redirects by hand (keeping the headers) until the sign-in
 * page or a final answer. Every hop's body is checked for protected content, and redirects must stay on
 * the app's origin. "not found" is a 404, or, for RSC requests (Next has sent its 200 before the page
 * calls notFound()), a flight carrying the notFound fallback. A prefetch of a dynamic page holds no page
 * content for anyone; the marker check above is what matters there.
 */
export async function requestOutcome(
  request: APIRequestContext,
  baseURL: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<Outcome> {
  const origin = new URL(baseURL).origin;
  let target = path;
  for (let hop = 0; hop < 5; hop++) {
    const response = await request.get(target, { headers, maxRedirects: 0 });
    const body = await response.text();
    for (const marker of PROTECTED) expect.soft(body.includes(marker), `${path} → ${target} shows ${marker}`).toBe(false);
    const status = response.status();
    const location = response.headers()["location"];
    if (status >= 300 && status < 400 && location) {
      const next = new URL(location, baseURL);
      expect(next.origin, `${path} redirects within the app`).toBe(origin);
      if (next.pathname === "/login") return "login";
      target = `${next.pathname}${next.search}`;
      continue;
    }
    if (status === 404) return "not found";
    const isFlight = (response.headers()["content-type"] ?? "").startsWith("text/x-component");
    if (status === 200 && isFlight && body.includes(NOT_FOUND_IN_FLIGHT)) return "not found";
    if (status === 200 && isFlight && headers["Next-Router-Prefetch"]) return "prefetch without content";
    return `status ${status}`;
  }
  throw new Error(`${path}: more than 5 redirects`);
}
