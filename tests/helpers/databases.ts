import postgres from "postgres";

/** Test databases live on the server named by DATABASE_URL; this is that URL with another database name. */
export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export function baseName(base: string): string {
  return new URL(base).pathname.replace(/^\//, "") || "postgres";
}

/** Runs `fn` with a one-connection admin client on the maintenance database `postgres`. */
export async function withAdmin<T>(base: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(databaseUrl(base, "postgres"), { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function createDatabase(base: string, name: string, template?: string): Promise<void> {
  await withAdmin(base, async (sql) => {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
    await sql.unsafe(`create database "${name}"${template ? ` template "${template}"` : ""}`);
  });
}

export async function dropDatabase(base: string, name: string): Promise<void> {
  await withAdmin(base, (sql) => sql.unsafe(`drop database if exists "${name}" with (force)`));
}
