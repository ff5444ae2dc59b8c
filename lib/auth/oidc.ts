import type { UserRole } from "@/db/schema";

/**
 * Ministries sign their staff in through their own identity provider (Keycloak, Microsoft Entra ID or any
 * OpenID Connect issuer). Switched on by AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET;
 * the role and the ministry come from claims, mapped by the variables below (README, "Single sign-on").
 */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  /** Claim holding role or group names, dotted for nested claims (Keycloak: realm_access.roles). */
  rolesClaim: string;
  /** Group or role name → app role. */
  roleMap: Map<string, UserRole>;
  /** Claim holding a ministry code (e.g. "zm"), if the provider sends one. */
  ministryClaim: string | null;
  /** Group or role name → ministry code, for providers that express the ministry as a group. */
  ministryMap: Map<string, string>;
}

const ROLES: readonly UserRole[] = ["viewer", "editor", "admin"];

function pairs(value: string | undefined): [string, string][] {
  return (value ?? "")
    .split(",")
    .map((part) => part.split("=").map((s) => s.trim()))
    .filter((pair): pair is [string, string] => pair.length === 2 && !!pair[0] && !!pair[1]);
}

export function oidcSettings(env: Record<string, string | undefined> = process.env): OidcSettings | null {
  const issuer = env.AUTH_OIDC_ISSUER?.trim();
  const clientId = env.AUTH_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.AUTH_OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  const roleMap = new Map<string, UserRole>();
  for (const [group, role] of pairs(env.AUTH_OIDC_ROLE_MAP ?? "admin=admin,editor=editor,viewer=viewer")) {
    if (!(ROLES as readonly string[]).includes(role)) throw new Error(`AUTH_OIDC_ROLE_MAP: unknown role "${role}"`);
    roleMap.set(group, role as UserRole);
  }
  return {
    issuer,
    clientId,
    clientSecret,
    name: env.AUTH_OIDC_NAME?.trim() || "Single sign-on",
    rolesClaim: env.AUTH_OIDC_ROLES_CLAIM?.trim() || "roles",
    roleMap,
    ministryClaim: env.AUTH_OIDC_MINISTRY_CLAIM?.trim() || null,
    ministryMap: new Map(pairs(env.AUTH_OIDC_MINISTRY_MAP).map(([group, code]) => [group, code.toLowerCase()])),
  };
}

function claim(profile: Record<string, unknown>, dotted: string): unknown {
  return dotted.split(".").reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined), profile);
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export interface OidcIdentity {
  /** "issuer|sub": the provider's stable id of the person, what the account is bound to. */
  subject: string;
  email: string;
  name: string;
  role: UserRole;
  /** null: all ministries (admins always; others only when the provider says "*" or no ministry mapping is configured). */
  ministryCode: string | null;
}

/** The ministry claim or group value that grants all ministries (e.g. the MFA's own register editors). */
export const ALL_MINISTRIES = "*";

/**
 * The person the identity provider vouches for, or null when their claims grant no role here (then
 * sign-in is refused: belonging to the ministry's directory is not enough). The highest mapped role wins.
 * Where a ministry claim or group map is configured, a non-admin must resolve to a ministry code or to
 * "*" (all ministries): a missing or empty value refuses sign-in rather than opening every ministry.
 */
export function identityFromClaims(profile: Record<string, unknown>, settings: OidcSettings): OidcIdentity | null {
  const sub = typeof profile.sub === "string" && profile.sub.trim() ? profile.sub.trim() : null;
  const email = [profile.email, profile.preferred_username, profile.upn].find(
    (v): v is string => typeof v === "string" && v.includes("@"),
  );
  if (!sub || !email) return null;
  const groups = strings(claim(profile, settings.rolesClaim));
  const mapped = groups.map((g) => settings.roleMap.get(g)).filter((r): r is UserRole => !!r);
  const role = ROLES.filter((r) => mapped.includes(r)).pop();
  if (!role) return null;
  let ministryCode: string | null = null;
  if (role !== "admin") {
    const fromClaim = settings.ministryClaim
      ? strings(claim(profile, settings.ministryClaim))
          .map((v) => v.trim())
          .find(Boolean)
      : undefined;
    const fromGroup = groups.map((g) => settings.ministryMap.get(g)).find(Boolean);
    const resolved = (fromClaim || fromGroup)?.toLowerCase();
    const mappingConfigured = settings.ministryClaim !== null || settings.ministryMap.size > 0;
    if (mappingConfigured && !resolved) return null;
    ministryCode = resolved && resolved !== ALL_MINISTRIES ? resolved : null;
  }
  const name = typeof profile.name === "string" && profile.name.trim() ? profile.name.trim() : email;
  return { subject: `${settings.issuer}|${sub}`, email: email.toLowerCase(), name, role, ministryCode };
}
