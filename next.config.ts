import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // PGlite loads its WASM and data files by URL at run time; bundling it breaks that
  // (STACK-NOTES pitfall 1). postgres.js stays external too so one copy serves migrations and queries.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
