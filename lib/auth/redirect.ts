/**
 * The path to return to after sign-in, or "/" when the given value could lead anywhere else: only
 * same-origin absolute paths pass (no scheme, no "//host", no "/\host", no control characters).
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2048) return "/";
  if (!value.startsWith("/") || /[\u0000-\u001f\\]/.test(value) || value.startsWith("//")) return "/";
  try {
    const base = "http://register.invalid";
    const url = new URL(value, base);
    // Dot segments resolve only now: "/..//evil.example" becomes the protocol-relative "//evil.example".
    if (url.origin !== base || url.pathname.startsWith("//")) return "/";
    if (url.pathname === "/login") return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}
