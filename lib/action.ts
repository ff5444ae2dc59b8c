import "server-only";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { db as defaultDb, type Tx } from "@/db";
import type { SessionUser } from "@/db/queries/auth";
import { writeAudit, type AuditInput } from "@/db/queries/audit";
import type { UserRole } from "@/db/schema";
import { currentSession } from "@/lib/auth/session";
import { ActionError, type ActionResult, type FieldErrors } from "@/lib/errors";
import { logEvent } from "@/lib/log";
import { requestId as currentRequestId } from "@/lib/request";
import { parseOptions, unstorableText } from "@/lib/validation";

export type { ActionResult } from "@/lib/errors";

/** The ministry a record belongs to, read from the database; `null` = not found. */
export type RecordScope = { ministryIds: readonly (number | null)[] } | null;

export interface ActionContext {
  user: SessionUser;
  tx: Tx;
  requestId: string;
  /** Writes the audit row of a change inside this action's transaction. */
  audit: (entry: Omit<AuditInput, "userId" | "requestId">) => Promise<void>;
}

export interface ActionDefinition<S extends z.ZodType, R> {
  /** "users.create": used in logs. */
  name: string;
  /** Roles that may call the action at all. */
  roles: readonly UserRole[];
  /** A strict zod schema (unknown keys rejected); the same one the form uses on the client. */
  input: S;
  /**
   * Loads the ministry of the record the input points at (for a new record: the ministry it would
   * belong to). Ministry-scoped users pass only when it is theirs. Required for actions that scoped
   * users may call; "none" declares an action without a ministry-owned record (own profile).
   */
  scope: ((input: z.output<S>, tx: Tx, user: SessionUser) => Promise<RecordScope>) | "none";
  /** Runs inside the transaction; throw ActionError to roll back with a typed answer. */
  run: (input: z.output<S>, ctx: ActionContext) => Promise<R>;
  /** Paths whose cached pages the change makes stale. */
  revalidate?: (input: z.output<S>, data: R) => string[];
  /** The password-change and sign-out actions stay usable while a one-time password is pending. */
  allowPendingPasswordChange?: boolean;
}

/** True when a ministry-scoped user may touch a record of these ministries; unscoped users may touch all. */
export function scopeAllows(user: Pick<SessionUser, "ministryId">, scope: NonNullable<RecordScope>): boolean {
  return user.ministryId === null || scope.ministryIds.includes(user.ministryId);
}

export function databaseErrorCode(error: unknown): "busy" | "unavailable" | null {
  const code = (error as { code?: string; cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;
  if (!code) return null;
  // lock_not_available, query_canceled (statement timeout), serialization_failure, deadlock_detected
  if (["55P03", "57014", "40001", "40P01"].includes(code)) return "busy";
  if (["ECONNREFUSED", "ECONNRESET", "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "57P01", "57P03"].includes(code))
    return "unavailable";
  return null;
}

type Log = (outcome: "denied", extra: { userId?: number; reason?: string }) => void;

/**
 * Authenticate and authorize by role: shared by server actions (below) and route handlers (lib/route.ts),
 * so that both answer the same way to the same caller.
 */
export async function authorizeCaller(
  definition: { roles: readonly UserRole[]; allowPendingPasswordChange?: boolean },
  log: Log,
): Promise<{ ok: true; user: SessionUser } | { ok: false; error: "unauthorized" | "forbidden" | "password_change_required" }> {
  const session = await currentSession();
  if (!session.ok) {
    log("denied", { reason: session.reason });
    return { ok: false, error: "unauthorized" };
  }
  const user = session.user;
  if (!definition.roles.includes(user.role)) {
    log("denied", { userId: user.id, reason: "role" });
    return { ok: false, error: "forbidden" };
  }
  if (user.mustChangePassword && !definition.allowPendingPasswordChange) {
    log("denied", { userId: user.id, reason: "password_change_required" });
    return { ok: false, error: "password_change_required" };
  }
  return { ok: true, user };
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

// Each action's input schema, so that a test can fuzz every action with its own schema (tests/security).
const inputSchemas = new WeakMap<object, z.ZodType>();

/** The zod schema a `defineAction` action parses its input with; undefined for anything else. */
export function actionInputSchema(action: unknown): z.ZodType | undefined {
  return typeof action === "function" ? inputSchemas.get(action) : undefined;
}

/**
 * The one way to write a server action: authenticate (a live session of an enabled user, checked in the
 * database) → authorize (role) → validate (zod, strict) → authorize the record's ministry scope, loaded
 * from the database inside the transaction → run, with the audit rows in the same transaction →
 * revalidate → a typed result. "Not found" and "not yours" give the same answer.
 */
export function defineAction<S extends z.ZodType, R>(definition: ActionDefinition<S, R>) {
  async function guardedAction(rawInput: unknown): Promise<ActionResult<R>> {
    const requestId = await currentRequestId();
    let userId: number | undefined;
    const log = (outcome: Parameters<typeof logEvent>[0]["outcome"], extra: { userId?: number; reason?: string; fields?: string[] } = {}) =>
      logEvent({ action: definition.name, outcome, requestId, userId, ...extra });
    try {
      const access = await authorizeCaller(definition, log);
      if (!access.ok) return { ok: false, error: access.error };
      const user = access.user;
      userId = user.id;
      const payload = rawInput instanceof FormData ? Object.fromEntries(rawInput) : rawInput;
      const unstorable = unstorableText(payload);
      if (unstorable !== null) {
        log("invalid", { fields: [unstorable || "_form"] });
        return { ok: false, error: "invalid", fieldErrors: { [unstorable || "_form"]: ["invalid"] } };
      }
      const parsed = definition.input.safeParse(payload, parseOptions);
      if (!parsed.success) {
        const fieldErrors = fieldErrorsOf(parsed.error);
        log("invalid", { fields: Object.keys(fieldErrors) });
        return { ok: false, error: "invalid", fieldErrors };
      }
      const input = parsed.data;

      const data = await defaultDb.transaction(async (tx) => {
        if (definition.scope !== "none") {
          const scope = await definition.scope(input, tx, user);
          if (!scope || !scopeAllows(user, scope)) {
            throw new ActionError("not_found", { current: scope ? "forbidden" : "missing" });
          }
        } else if (user.ministryId !== null && !definition.roles.includes("viewer")) {
          // An action without a record scope that only editors or admins may call would let a scoped
          // editor change other ministries' data: such actions must declare a scope.
          throw new ActionError("forbidden");
        }
        const audit: ActionContext["audit"] = (entry) => writeAudit(tx, { ...entry, userId: user.id, requestId });
        return definition.run(input, { user, tx, requestId, audit });
      });

      for (const path of definition.revalidate?.(input, data) ?? []) revalidatePath(path);
      log("success");
      return { ok: true, data };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof ActionError) {
        if (error.code === "not_found") {
          // Log why, answer the same either way.
          log("denied", { reason: error.details.current === "forbidden" ? "scope" : "not_found" });
          return { ok: false, error: "not_found" };
        }
        log(error.code === "conflict" ? "conflict" : error.code === "invalid" ? "invalid" : "denied", {
          reason: error.code,
          fields: error.details.fieldErrors ? Object.keys(error.details.fieldErrors) : undefined,
        });
        return { ok: false, error: error.code, fieldErrors: error.details.fieldErrors, current: error.details.current };
      }
      const dbCode = databaseErrorCode(error);
      log("error", { reason: dbCode ?? (error instanceof Error ? error.name : "unknown") });
      // The query text helps whoever reads the server log; its parameters (user input) stay out of it.
      if (!dbCode) console.error(`[${requestId}] ${definition.name}:`, error instanceof Error ? error.message.split("\nparams:")[0] : error);
      return { ok: false, error: dbCode ?? "error" };
    }
  }
  inputSchemas.set(guardedAction, definition.input);
  return guardedAction;
}
