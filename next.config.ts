import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

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
    // Baseline headers for every response. The nonce-based script CSP comes with the security hardening;
    // these parts need no nonce and already forbid framing, plugins and foreign form targets.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
