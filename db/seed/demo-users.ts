import { eq } from "drizzle-orm";
import { hashPassword } from "../../lib/auth/password";
import { users, type UserRole } from "../schema";
import type { SeedContext } from "./summary";

/**
 * The demo seed's accounts, one per role and scope, so that a newcomer can see what each kind of user
 * sees. Only the demo seed creates them: production gets its first admin from `npm run user:create`.
 * `.example` addresses (RFC 2606) can never belong to a real mailbox.
 */
export const DEMO_USERS: readonly { email: string; name: string; role: UserRole; ministry: string | null }[] = [
  { email: "admin@iemaksas.example", name: "Demo administrators", role: "admin", ministry: null },
  { email: "redaktors@iemaksas.example", name: "Demo redaktors (Ārlietu ministrija)", role: "editor", ministry: null },
  { email: "zm.redaktors@iemaksas.example", name: "Demo redaktors (Zemkopības ministrija)", role: "editor", ministry: "zm" },
  { email: "skatitajs@iemaksas.example", name: "Demo skatītājs", role: "viewer", ministry: null },
];

/** Documented in the README; DEMO_PASSWORD replaces it (the e2e run uses a fresh one). */
export const DEFAULT_DEMO_PASSWORD = "Demo-parole-2026";

export function demoPassword(env: Record<string, string | undefined> = process.env): string {
  return env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
}

export async function seedDemoUsers(ctx: SeedContext): Promise<void> {
  for (const demo of DEMO_USERS) {
    const [existing] = await ctx.tx.select({ id: users.id }).from(users).where(eq(users.email, demo.email));
    if (existing) continue;
    const ministryId = demo.ministry ? ctx.ministryIdByCode.get(demo.ministry) : null;
    if (ministryId === undefined) throw new Error(`demo user: unknown ministry ${demo.ministry}`);
    const passwordHash = await hashPassword(demoPassword());
    await ctx.tx.insert(users).values({ email: demo.email, name: demo.name, role: demo.role, ministryId, passwordHash });
    ctx.summary.users += 1;
  }
}
