// Imported by next.config.ts as well as proxy.ts: plain TypeScript, no "server-only", no path aliases.

/** The per-request nonce, for a server component that renders a script of its own (next/script's `nonce`). */
export const NONCE_HEADER = "x-nonce";

/** Headers every response carries, whoever produced it (page, route handler, static file, proxy refusal). */
export const BASE_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers older than CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** The directives that need no nonce: no framing, no plugins, no <base> hijack, forms post only to the app. */
const FIXED = ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"];

/**
 * For responses the proxy does not shape (static files, /api/auth, /api/health): nothing in them is
 * meant to run or load anything, so everything is refused. Pages always get the proxy's policy instead:
 * the proxy's header replaces this one, and a page that missed the proxy would load no script at all.
 */
export const STATIC_CSP = ["default-src 'none'", ...FIXED].join("; ");

/** 16 random bytes, base64: unguessable and new on every request (https://www.w3.org/TR/CSP3/#security-nonces). */
export function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy of a page, after Next.js' CSP guide (node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md):
 * Next reads the nonce from the request's CSP header and puts it on its own scripts; 'strict-dynamic'
 * lets those load the route's chunks. No 'unsafe-inline' or 'unsafe-eval' for scripts in production
 * (React's development build needs eval for its error overlays).
 *
 * Styles: <style> elements need the nonce (react-remove-scroll, under Radix's dialogs and selects, adds
 * one and takes the nonce from get-nonce: instrumentation-client.ts). Style *attributes* are allowed
 * ('unsafe-inline' in style-src-attr only): the server's HTML carries the `style` props React renders,
 * e.g. Radix's tabs on every record page (`outline:none`, `animation-duration:0s`); a nonce cannot cover
 * attributes, and an injected attribute can restyle a page but not run code. (Styles set from script,
 * as Recharts, TanStack Virtual and Radix's popper do after hydration, go through the CSSOM, which CSP
 * does not restrict.)
 */
export function pageCsp(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'report-sample'${dev ? " 'unsafe-eval'" : ""}`,
    // Next's development server injects styles without a nonce. 'report-sample': the violation report
    // (and the e2e suite's record of it) shows the start of what was blocked.
    `style-src 'self' 'report-sample' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    ...FIXED,
  ].join("; ");
}
