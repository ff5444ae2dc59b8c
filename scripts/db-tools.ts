// Shared by `npm run db:backup` and `npm run db:restore`: how the PostgreSQL client programs are called
// without the password ever reaching the command line (visible to every user in `ps`) or the output.
import { spawn } from "node:child_process";

/**
 * libpq's connection for pg_dump, pg_restore and psql: the URL without its password (which goes in
 * PGPASSWORD instead, where only this process and its children can read it).
 */
export function libpqConnection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: "contributions-register-backup" };
  delete env.DATABASE_URL;
  if (password) env.PGPASSWORD = password;
  return { url: url.toString(), env };
}

/** The database as a person may read it in a log: host, port and name, never user or password. */
export function describeDatabase(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.pathname.replace(/^\//, "") || "(default)"} on ${url.hostname}:${url.port || "5432"}`;
}

/**
 * Runs a client program with the given stdin (a file's bytes or nothing) and the caller's stdout and
 * stderr; resolves with its exit code. A missing program is an error that says which package to install.
 */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv, input?: NodeJS.ReadableStream): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: [input ? "pipe" : "ignore", "inherit", "inherit"] });
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "ENOENT" ? new Error(`${command} not found: install the PostgreSQL client programs (Debian: postgresql-client)`) : error),
    );
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    if (input && child.stdin) input.pipe(child.stdin);
  });
}

export const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};
