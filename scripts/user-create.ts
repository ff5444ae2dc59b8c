// `npm run user:create -- --email a@b.lv --name "Name" --role admin [--ministry zm]`
// Creates an account in the configured database (DATABASE_URL, else the embedded one). The password comes
// from USER_PASSWORD or is asked for with the input hidden: never a command-line flag, which would land in
// the shell history and the process list. The new user must change it at first sign-in.
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { closeDb, db } from "../db/index";
import { runMigrations } from "../db/migrate";
import { auditLog, ministries, users } from "../db/schema";
import { hashPassword } from "../lib/auth/password";
import { newPasswordSchema } from "../lib/auth/password-policy";

const argsSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().min(1).max(200),
  role: z.enum(["admin", "editor", "viewer"]),
  ministry: z.string().trim().toLowerCase().optional(),
});

async function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, encoding, callback) {
      if (!muted) process.stdout.write(chunk, encoding as BufferEncoding);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, ministry: { type: "string" } },
    strict: true,
  });
  const args = argsSchema.parse(values);
  if (args.role === "admin" && args.ministry) throw new Error("an admin is never limited to one ministry: drop --ministry");

  let password = process.env.USER_PASSWORD;
  if (!password) {
    if (!process.stdin.isTTY) throw new Error("set USER_PASSWORD or run in a terminal to be asked for the password");
    password = await askHidden("One-time password for the new user: ");
    const again = await askHidden("Repeat it: ");
    if (again !== password) throw new Error("the two passwords differ");
  }
  const checked = newPasswordSchema.safeParse(password);
  if (!checked.success) throw new Error(`password: ${checked.error.issues.map((i) => i.message).join(", ")}`);

  await runMigrations({ url: process.env.DATABASE_URL || undefined });
  const passwordHash = await hashPassword(checked.data);
  const created = await db.transaction(async (tx) => {
    let ministryId: number | null = null;
    if (args.ministry) {
      const [ministry] = await tx.select({ id: ministries.id }).from(ministries).where(eq(ministries.code, args.ministry));
      if (!ministry) throw new Error(`no ministry with code "${args.ministry}"`);
      ministryId = ministry.id;
    }
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, args.email));
    if (existing) throw new Error(`a user with e-mail ${args.email} already exists`);
    const [row] = await tx
      .insert(users)
      .values({ email: args.email, name: args.name, role: args.role, ministryId, passwordHash, mustChangePassword: true })
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role, ministryId: users.ministryId });
    if (!row) throw new Error("insert returned no row");
    await tx.insert(auditLog).values({ userId: null, action: "create", entity: "users", entityId: String(row.id), after: { ...row, via: "cli" } });
    return row;
  });
  console.log(`created ${created.role} ${created.email} (id ${created.id}); the password must be changed at first sign-in`);
}

main()
  .catch((error: unknown) => {
    console.error(`user:create failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
