import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { BASE_HEADERS, STATIC_CSP } from "./lib/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // PGlite loads its WASM and data files by URL at run time; bundling it breaks that
  // (STACK-NOTES pitfall 1). postgres.js stays external too so one copy serves migrations and queries.
  // pdfkit reads its font metrics from its own folder at run time, and exceljs' streaming writer pulls in
  // archiver's Node streams: both stay plain Node packages, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pdfkit", "exceljs"],
  experimental: {
    // Server actions accept 1 MB bodies by default; the import's upload is one, and carries up to 5 MB of
    // file (MAX_IMPORT_BYTES) plus the multipart form's overhead.
    serverActions: { bodySizeLimit: "6mb" },
  },
  async headers() {
    // Every response, including those proxy.ts never sees (static files, /api/auth, /api/health). On pages
    // and the routes it does see, the proxy's nonce-based CSP replaces this one (lib/security-headers.ts).
    return [
      { source: "/:path*", headers: [{ key: "Content-Security-Policy", value: STATIC_CSP }, ...BASE_HEADERS] },
      // Every route handler answers with data or a denial: never kept by a browser or a shared cache.
      { source: "/api/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
