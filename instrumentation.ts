/**
 * Runs once when the server starts: checks the configuration (a production server without AUTH_SECRET
 * stops here with a clear message), applies pending migrations before the first request, and opens the
 * embedded database now so that its cold start (initdb ≈ 3 s) does not land on a user's request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { authSecret } = await import("./lib/auth/secret");
  authSecret();
  const { runMigrations } = await import("./db/migrate");
  await runMigrations({ url: process.env.DATABASE_URL || undefined });
}
