import "server-only";
import { and, count, eq, ilike, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { UsersQuery } from "@/app/(app)/admin/users/search-params";
import { ActionError } from "@/lib/errors";
import type { OidcIdentity } from "@/lib/auth/oidc";
import { db as defaultDb, type Db, type Tx } from "../index";
import { ministries, users, type User, type UserRole } from "../schema";
import { revokeAllSessions } from "./auth";
import { writeAudit } from "./audit";
import { containsPattern, orderFor, pageOffset, pageResult, totalCount, latvianSortKey } from "./table";

/** A user as pages and audit rows may show it: everything but the password hash. */
export type PublicUser = Omit<User, "passwordHash"> & { hasPassword: boolean };

export function publicUser(row: User): PublicUser {
  const { passwordHash, ...rest } = row;
  return { ...rest, hasPassword: passwordHash !== null };
}

/** The audit entry of a change to a user's row: both states without the password hash. */
export function userChange(action: string, before: User, after: User) {
  return { action, entity: "users", entityId: after.id, before: publicUser(before), after: publicUser(after) };
}

export interface UserListRow {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  ministryId: number | null;
  ministryCode: string | null;
  ministryNameLv: string | null;
  ministryNameEn: string | null;
  disabledAt: Date | null;
  lastLoginAt: Date | null;
  mustChangePassword: boolean;
}

/** The users admin list: sorted, filtered, searched and paged by the server (see usersTableSpec). */
export async function listUsers({ query, db = defaultDb }: { query: UsersQuery; db?: Db }): Promise<{ rows: UserListRow[]; total: number }> {
  const { role, ministry, status } = query.filters;
  const pattern = query.q ? containsPattern(query.q) : null;
  const where = and(
    role ? eq(users.role, role) : undefined,
    ministry ? eq(users.ministryId, ministry) : undefined,
    status === "active" ? isNull(users.disabledAt) : status === "disabled" ? isNotNull(users.disabledAt) : undefined,
    pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
  );
  const { limit, offset } = pageOffset(query);
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      ministryId: users.ministryId,
      ministryCode: ministries.code,
      ministryNameLv: ministries.nameLv,
      ministryNameEn: ministries.nameEn,
      disabledAt: users.disabledAt,
      lastLoginAt: users.lastLoginAt,
      mustChangePassword: users.mustChangePassword,
      totalCount,
    })
    .from(users)
    .leftJoin(ministries, eq(ministries.id, users.ministryId))
    .where(where)
    .orderBy(
      ...orderFor(
        query.sort,
        { name: users.name, email: users.email, role: users.role, ministry: ministries.nameLv, lastLogin: users.lastLoginAt },
        users.id,
      ),
    )
    .limit(limit)
    .offset(offset);
  return pageResult(rows, query, async () => {
    const [row] = await db.select({ n: count() }).from(users).leftJoin(ministries, eq(ministries.id, users.ministryId)).where(where);
    return row?.n ?? 0;
  });
}

export async function getUser({ id, db = defaultDb }: { id: number; db?: Db }): Promise<PublicUser | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ? publicUser(row) : null;
}

/** Ministries a user can be scoped to, for the user form. */
export async function listMinistryOptions({ db = defaultDb }: { db?: Db } = {}) {
  return db
    .select({ id: ministries.id, code: ministries.code, nameLv: ministries.nameLv, nameEn: ministries.nameEn })
    .from(ministries)
    .where(eq(ministries.active, true))
    .orderBy(latvianSortKey(ministries.nameLv));
}

export async function emailTaken(tx: Tx | Db, email: string): Promise<boolean> {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return !!row;
}

export async function insertUser(
  tx: Tx | Db,
  values: {
    email: string;
    name: string;
    role: UserRole;
    ministryId: number | null;
    locale: "lv" | "en";
    passwordHash: string | null;
    mustChangePassword: boolean;
    oidcSubject?: string | null;
  },
): Promise<User> {
  const [row] = await tx.insert(users).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/**
 * Locks the user row and checks the version the editor saw: a different version means someone else saved
 * in between, and the caller gets their values instead of overwriting them.
 */
export async function lockUserForUpdate(tx: Tx, id: number, expectedVersion: number | null): Promise<User> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for("update");
  if (!row) throw new ActionError("not_found");
  if (expectedVersion !== null && row.version !== expectedVersion) {
    throw new ActionError("conflict", { current: publicUser(row) });
  }
  return row;
}

export async function updateUserRow(
  tx: Tx,
  id: number,
  set: Partial<Pick<User, "name" | "role" | "ministryId" | "locale" | "passwordHash" | "mustChangePassword" | "disabledAt">>,
): Promise<User> {
  const [row] = await tx
    .update(users)
    .set({ ...set, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  if (!row) throw new ActionError("not_found");
  return row;
}

export async function ministryExists(tx: Tx | Db, id: number): Promise<boolean> {
  const [row] = await tx.select({ id: ministries.id }).from(ministries).where(eq(ministries.id, id)).limit(1);
  return !!row;
}

/**
 * Creates or updates the account of someone signed in by the ministry's identity provider, which is
 * authoritative for their role and ministry. The account is bound to the provider's subject id: an
 * existing account with the same e-mail but another binding (a local password account, or another
 * provider's person) is never taken over. Returns null, and sign-in is refused, for such a clash, a
 * disabled account or a ministry code the register does not know.
 */
export async function provisionOidcUser({ identity, db = defaultDb }: { identity: OidcIdentity; db?: Db }) {
  return db.transaction(async (tx) => {
    let ministryId: number | null = null;
    if (identity.ministryCode !== null) {
      const [ministry] = await tx.select({ id: ministries.id }).from(ministries).where(eq(ministries.code, identity.ministryCode));
      if (!ministry) return null;
      ministryId = ministry.id;
    }
    const [bySubject] = await tx.select().from(users).where(eq(users.oidcSubject, identity.subject)).for("update");
    const existing = bySubject;
    if (!existing) {
      const [byEmail] = await tx.select({ id: users.id }).from(users).where(eq(users.email, identity.email));
      if (byEmail) return null;
    }
    if (existing?.disabledAt) return null;
    if (!existing) {
      const row = await insertUser(tx, {
        email: identity.email,
        name: identity.name,
        role: identity.role,
        ministryId,
        locale: "lv",
        passwordHash: null,
        mustChangePassword: false,
        oidcSubject: identity.subject,
      });
      await writeAudit(tx, { userId: null, action: "create", entity: "users", entityId: row.id, after: { ...publicUser(row), via: "oidc" } });
      return { id: row.id };
    }
    if (existing.role !== identity.role || existing.ministryId !== ministryId || existing.name !== identity.name) {
      const row = await updateUserRow(tx, existing.id, { role: identity.role, ministryId, name: identity.name });
      if (existing.role !== identity.role || existing.ministryId !== ministryId) {
        await revokeAllSessions({ tx, userId: existing.id, reason: "role_changed" });
      }
      await writeAudit(tx, {
        userId: null,
        action: "update",
        entity: "users",
        entityId: row.id,
        before: publicUser(existing),
        after: { ...publicUser(row), via: "oidc" },
      });
    }
    return { id: existing.id };
  });
}
