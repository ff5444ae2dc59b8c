import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkSession, startSession } from "@/db/queries/auth";
import { provisionOidcUser } from "@/db/queries/users";
import { auditLog, ministries, users } from "@/db/schema";
import { identityFromClaims, oidcSettings, type OidcIdentity, type OidcSettings } from "@/lib/auth/oidc";
import { fingerprint, setupTestDatabase } from "../helpers/test-db";

// Reference data only: ministries exist, no accounts, so every account here is one OIDC created.
const { db } = setupTestDatabase("reference");

const BASE_ENV = { AUTH_OIDC_ISSUER: "https://idp.example/realms/zm", AUTH_OIDC_CLIENT_ID: "register", AUTH_OIDC_CLIENT_SECRET: "s3cret" };

function settings(extra: Record<string, string> = {}): OidcSettings {
  const result = oidcSettings({ ...BASE_ENV, ...extra });
  if (!result) throw new Error("expected OIDC settings");
  return result;
}

describe("oidcSettings", () => {
  it("is off unless issuer, client id and secret are all set", () => {
    expect(oidcSettings({})).toBeNull();
    expect(oidcSettings({ ...BASE_ENV, AUTH_OIDC_CLIENT_SECRET: undefined })).toBeNull();
    expect(oidcSettings({ ...BASE_ENV, AUTH_OIDC_ISSUER: "   " })).toBeNull();
  });

  it("has defaults: roles claim, identity role map, no ministry mapping", () => {
    const s = settings();
    expect(s).toMatchObject({ issuer: BASE_ENV.AUTH_OIDC_ISSUER, name: "Single sign-on", rolesClaim: "roles", ministryClaim: null });
    expect([...s.roleMap]).toEqual([["admin", "admin"], ["editor", "editor"], ["viewer", "viewer"]]);
    expect(s.ministryMap.size).toBe(0);
  });

  it("parses the maps, lower-cases ministry codes and skips malformed pairs", () => {
    const s = settings({ AUTH_OIDC_ROLE_MAP: " reg-admins = admin , reg-editors=editor, broken, =viewer", AUTH_OIDC_MINISTRY_MAP: "ZM-staff=ZM" });
    expect([...s.roleMap]).toEqual([["reg-admins", "admin"], ["reg-editors", "editor"]]);
    expect(s.ministryMap.get("ZM-staff")).toBe("zm");
  });

  it("refuses a role map naming a role that does not exist, rather than granting something else", () => {
    expect(() => settings({ AUTH_OIDC_ROLE_MAP: "staff=superuser" })).toThrow(/unknown role "superuser"/);
  });
});

describe("identityFromClaims", () => {
  const keycloak = settings({
    AUTH_OIDC_ROLES_CLAIM: "realm_access.roles",
    AUTH_OIDC_ROLE_MAP: "reg-viewer=viewer,reg-editor=editor,reg-admin=admin",
    AUTH_OIDC_MINISTRY_CLAIM: "ministry",
    AUTH_OIDC_MINISTRY_MAP: "zm-staff=zm,am-staff=am",
  });
  const person = (claims: Record<string, unknown>) => ({ sub: "f3a1-77", email: "Anna.Berzina@ZM.example", name: " Anna Bērziņa ", ...claims });

  it("reads roles from a nested claim and lets the highest mapped role win", () => {
    const identity = identityFromClaims(person({ realm_access: { roles: ["offline_access", "reg-viewer", "reg-editor"] }, ministry: "*" }), keycloak);
    expect(identity).toEqual({
      subject: "https://idp.example/realms/zm|f3a1-77",
      email: "anna.berzina@zm.example",
      name: "Anna Bērziņa",
      role: "editor",
      ministryCode: null,
    });
    const order = ["reg-admin", "reg-viewer", "reg-editor"];
    expect(identityFromClaims(person({ realm_access: { roles: order } }), keycloak)?.role).toBe("admin");
  });

  it("accepts a single string as the roles claim", () => {
    expect(identityFromClaims({ sub: "1", email: "a@zm.example", roles: "viewer" }, settings())?.role).toBe("viewer");
  });

  it("grants nothing without a mapped role or a usable email", () => {
    expect(identityFromClaims(person({ realm_access: { roles: ["offline_access", "admin"] } }), keycloak)).toBeNull();
    expect(identityFromClaims(person({ realm_access: "reg-admin-but-not-an-array-of-roles" }), keycloak)).toBeNull();
    expect(identityFromClaims(person({}), keycloak)).toBeNull();
    expect(identityFromClaims({ name: "No mail", roles: ["editor"] }, settings())).toBeNull();
    expect(identityFromClaims({ email: "not-an-address", roles: ["editor"] }, settings())).toBeNull();
  });

  it("falls back from email to preferred_username or upn when they are addresses", () => {
    expect(identityFromClaims({ sub: "2", preferred_username: "jdoe", upn: "J.Doe@ZM.example", roles: ["viewer"] }, settings())?.email).toBe("j.doe@zm.example");
  });

  it("scopes non-admins to the ministry from the claim, else from a group, lower-cased", () => {
    const roles = (...r: string[]) => ({ realm_access: { roles: r } });
    expect(identityFromClaims(person({ ...roles("reg-editor"), ministry: "ZM" }), keycloak)?.ministryCode).toBe("zm");
    expect(identityFromClaims(person({ ...roles("reg-viewer", "am-staff") }), keycloak)?.ministryCode).toBe("am");
    // The claim is the more specific statement and wins over a group.
    expect(identityFromClaims(person({ ...roles("reg-editor", "am-staff"), ministry: "zm" }), keycloak)?.ministryCode).toBe("zm");
  });

  it("never scopes an admin, whatever ministry claim or group they carry", () => {
    const identity = identityFromClaims(person({ realm_access: { roles: ["reg-admin", "zm-staff"] }, ministry: "zm" }), keycloak);
    expect(identity).toMatchObject({ role: "admin", ministryCode: null });
  });

  it("uses the email as the name when no name is given", () => {
    expect(identityFromClaims({ sub: "3", email: "x@zm.example", name: "  ", roles: ["viewer"] }, settings())?.name).toBe("x@zm.example");
  });

  // An empty claim ("") must not hide the group, nor read as "no ministry" (= every ministry).
  it("does not let an empty ministry claim unscope someone whose group names a ministry", () => {
    const identity = identityFromClaims(person({ realm_access: { roles: ["reg-editor", "zm-staff"] }, ministry: "" }), keycloak);
    expect(identity?.ministryCode).toBe("zm");
  });
});

/** An identity as identityFromClaims would produce it, bound to a subject derived from the address. */
const who = (identity: Omit<OidcIdentity, "subject">): OidcIdentity => ({ subject: `https://idp.example|${identity.email}`, ...identity });

describe("identityFromClaims with a ministry mapping configured", () => {
  const mapped = settings({ AUTH_OIDC_MINISTRY_CLAIM: "ministry" });

  it("refuses a non-admin whose claims name no ministry, instead of opening every ministry", () => {
    expect(identityFromClaims({ sub: "9", email: "a@zm.example", roles: ["editor"] }, mapped)).toBeNull();
    expect(identityFromClaims({ sub: "9", email: "a@zm.example", roles: ["editor"], ministry: " " }, mapped)).toBeNull();
  });

  it('grants all ministries only when the provider says "*"', () => {
    expect(identityFromClaims({ sub: "9", email: "a@am.example", roles: ["editor"], ministry: "*" }, mapped)?.ministryCode).toBeNull();
  });

  it("needs the provider's subject id, the account's binding", () => {
    expect(identityFromClaims({ email: "a@zm.example", roles: ["editor"], ministry: "zm" }, mapped)).toBeNull();
  });
});

describe("provisionOidcUser", () => {
  const zmId = async () => (await db.select({ id: ministries.id }).from(ministries).where(eq(ministries.code, "zm")))[0]!.id;
  const userRow = async (id: number) => (await db.select().from(users).where(eq(users.id, id)))[0]!;
  const auditRows = (id: number) =>
    db.select().from(auditLog).where(and(eq(auditLog.entity, "users"), eq(auditLog.entityId, String(id)))).orderBy(desc(auditLog.id));

  it("creates a password-less account with the claimed role and ministry, and audits it", async () => {
    const result = await provisionOidcUser({ identity: who({ email: "new@zm.example", name: "Jauns", role: "editor", ministryCode: "zm" }), db });
    expect(result).toEqual({ id: expect.any(Number) });
    const row = await userRow(result!.id);
    expect(row).toMatchObject({ email: "new@zm.example", name: "Jauns", role: "editor", ministryId: await zmId(), passwordHash: null, mustChangePassword: false });
    const [audit] = await auditRows(row.id);
    expect(audit).toMatchObject({ action: "create", userId: null, after: expect.objectContaining({ via: "oidc", hasPassword: false }) });
    expect(Object.keys(audit!.after as object)).not.toContain("passwordHash");
  });

  it("changes nothing when the provider says the same again", async () => {
    const identity = who({ email: "same@zm.example", name: "Tas pats", role: "viewer" as const, ministryCode: "zm" });
    const first = await provisionOidcUser({ identity, db });
    const before = await fingerprint(db);
    expect(await provisionOidcUser({ identity, db })).toEqual(first);
    expect(await fingerprint(db)).toEqual(before);
  });

  it("follows a role or ministry change from the provider and signs the old sessions out", async () => {
    const identity = who({ email: "moved@zm.example", name: "Pārcelts", role: "editor" as const, ministryCode: "zm" });
    const { id } = (await provisionOidcUser({ identity, db }))!;
    const session = await startSession({ userId: id, maxAgeMs: 3_600_000, provider: "oidc", db });
    expect(await provisionOidcUser({ identity: { ...identity, role: "viewer", ministryCode: "am" }, db })).toEqual({ id });
    const row = await userRow(id);
    expect(row.role).toBe("viewer");
    expect(row.ministryId).not.toBe(await zmId());
    expect(row.sessionVersion).toBe(session.sessionVersion + 1);
    expect(await checkSession({ sessionId: session.sessionId, sessionVersion: session.sessionVersion, idleMs: 60_000, db })).toStrictEqual({
      ok: false,
      reason: "ended",
    });
    const [audit] = await auditRows(id);
    expect(audit).toMatchObject({ action: "update", before: expect.objectContaining({ role: "editor" }), after: expect.objectContaining({ role: "viewer", via: "oidc" }) });
  });

  it("updates a changed name without signing anyone out", async () => {
    const identity = who({ email: "renamed@zm.example", name: "Vecais", role: "viewer" as const, ministryCode: null });
    const { id } = (await provisionOidcUser({ identity, db }))!;
    const session = await startSession({ userId: id, maxAgeMs: 3_600_000, provider: "oidc", db });
    await provisionOidcUser({ identity: { ...identity, name: "Jaunais" }, db });
    expect((await userRow(id)).name).toBe("Jaunais");
    expect((await checkSession({ ...session, idleMs: 60_000, db })).ok).toBe(true);
  });

  it("refuses an unknown ministry code and a disabled account, writing nothing", async () => {
    const before = await fingerprint(db);
    expect(await provisionOidcUser({ identity: who({ email: "ghost@zm.example", name: "G", role: "editor", ministryCode: "nope" }), db })).toBeNull();
    expect(await fingerprint(db)).toEqual(before);

    const identity = who({ email: "off@zm.example", name: "Off", role: "editor" as const, ministryCode: "zm" });
    const { id } = (await provisionOidcUser({ identity, db }))!;
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, id));
    const disabled = await fingerprint(db);
    // Not even a promotion from the provider re-enables or changes a disabled account.
    expect(await provisionOidcUser({ identity: { ...identity, role: "admin", ministryCode: null }, db })).toBeNull();
    expect(await fingerprint(db)).toEqual(disabled);
  });

  it("never takes over an existing account with the same e-mail (a local password account or another person)", async () => {
    await db.insert(users).values({ email: "local@zm.example", name: "Local", role: "viewer", passwordHash: "$argon2id$v=19$x" });
    const before = await fingerprint(db);
    expect(await provisionOidcUser({ identity: who({ email: "local@zm.example", name: "Idp", role: "admin", ministryCode: null }), db })).toBeNull();
    expect(await fingerprint(db)).toEqual(before);
  });

  it("follows the subject, not the e-mail: the same person keeps their account", async () => {
    const first = await provisionOidcUser({ identity: { subject: "https://idp.example|abc", email: "old@zm.example", name: "P", role: "viewer", ministryCode: "zm" }, db });
    const again = await provisionOidcUser({ identity: { subject: "https://idp.example|abc", email: "new@zm.example", name: "P", role: "viewer", ministryCode: "zm" }, db });
    expect(again).toEqual(first);
  });
});
