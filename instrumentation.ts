/**
 * Runs once when the server starts: applies pending migrations before the first request, and opens the
 * embedded database now so that its cold start (initdb ≈ 3 s) does not land on a user's request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { runMigrations } = await import("./db/migrate");
  await runMigrations({ url: process.env.DATABASE_URL || undefined });
}
