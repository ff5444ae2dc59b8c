import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { SessionUser } from "@/db/queries/auth";
import type { UserRole } from "@/db/schema";
import { authorizeCaller, databaseErrorCode, fieldErrorsOf } from "@/lib/action";
import { ActionError } from "@/lib/errors";
import { logEvent, type LogOutcome } from "@/lib/log";
import { requestId as currentRequestId } from "@/lib/request";
import { parseOptions } from "@/lib/validation";

export interface RouteContext {
  user: SessionUser;
  requestId: string;
  request: NextRequest;
}

const STATUS = { unauthorized: 401, forbidden: 403, password_change_required: 403, invalid: 400, not_found: 404 } as const;

function json(body: unknown, status: number): Response {
  // Data and denials alike are never cached by a browser or a proxy.
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * A GET route handler (exports, downloads) behind the same checks as a server action: the session in the
 * database, the role, a strict zod schema for the query string; the handler applies the user's ministry
 * scope to what it reads, and throws ActionError("not_found") for a record that is missing or not theirs.
 * Denials are small JSON bodies with a status (401/403/404/400), never a page.
 */
export function defineRoute<S extends z.ZodType>(definition: {
  name: string;
  roles: readonly UserRole[];
  query: S;
  handler: (input: z.output<S>, ctx: RouteContext) => Promise<Response>;
}) {
  return async function guardedRoute(request: NextRequest): Promise<Response> {
    const requestId = await currentRequestId();
    let userId: number | undefined;
    const log = (outcome: LogOutcome, extra: { userId?: number; reason?: string; fields?: string[] } = {}) =>
      logEvent({ action: definition.name, outcome, requestId, userId, ...extra });
    try {
      const access = await authorizeCaller(definition, log);
      if (!access.ok) return json({ error: access.error }, STATUS[access.error]);
      userId = access.user.id;
      // A parameter given twice (year=2026&year=2025) is refused, not silently read as its last value.
      const keys = [...request.nextUrl.searchParams.keys()];
      const repeated = [...new Set(keys.filter((key, i) => keys.indexOf(key) !== i))];
      const parsed = repeated.length ? null : definition.query.safeParse(Object.fromEntries(request.nextUrl.searchParams), parseOptions);
      if (!parsed?.success) {
        const fieldErrors = parsed ? fieldErrorsOf(parsed.error) : Object.fromEntries(repeated.map((key) => [key, ["invalid"]]));
        log("invalid", { fields: Object.keys(fieldErrors) });
        return json({ error: "invalid", fieldErrors }, 400);
      }
      const response = await definition.handler(parsed.data, { user: access.user, requestId, request });
      response.headers.set("Cache-Control", "no-store");
      log("success");
      return response;
    } catch (error) {
      if (error instanceof ActionError && error.code === "not_found") {
        log("denied", { reason: "not_found" });
        return json({ error: "not_found" }, 404);
      }
      const dbCode = databaseErrorCode(error);
      log("error", { reason: dbCode ?? (error instanceof Error ? error.name : "unknown") });
      return json({ error: dbCode ?? "error" }, dbCode ? 503 : 500);
    }
  };
}
