import { headers } from "next/headers";

/** Set by proxy.ts on every request it sees; generated here for anything it did not. */
export const REQUEST_ID_HEADER = "x-request-id";
/** The requested path, set by proxy.ts, so that a page can send an anonymous visitor back to it after sign-in. */
export const PATHNAME_HEADER = "x-pathname";

export async function requestId(): Promise<string> {
  const value = (await headers()).get(REQUEST_ID_HEADER);
  return value && /^[A-Za-z0-9-]{8,64}$/.test(value) ? value : crypto.randomUUID();
}

/**
 * The client's address for the sign-in throttle. Behind a reverse proxy, the proxy's X-Forwarded-For
 * (its last hop is the address the proxy saw); without one, Next's own forwarded header.
 */
export function clientIp(source: Headers): string {
  const forwarded = source.get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return (last ?? source.get("x-real-ip") ?? "unknown").slice(0, 64);
}
