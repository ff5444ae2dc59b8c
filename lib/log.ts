import "server-only";

export type LogOutcome = "success" | "failure" | "denied" | "invalid" | "throttled" | "conflict" | "error";

export interface LogEvent {
  action: string;
  outcome: LogOutcome;
  userId?: number | null;
  requestId?: string | null;
  /** Short machine-readable reason: "wrong_credentials", "forbidden", "not_found", field names… never input values. */
  reason?: string;
  /** Field names that failed validation; the values themselves are never logged. */
  fields?: string[];
}

/**
 * One JSON line per security-relevant event on stdout (UTC time, user or "anonymous", action, outcome,
 * request id), for whatever collects the server's logs. Callers pass names and reasons only: no input
 * values, so no password, cookie, secret or connection string can reach the log through here.
 */
export function logEvent(event: LogEvent): void {
  const line = {
    time: new Date().toISOString(),
    level: event.outcome === "success" ? "info" : event.outcome === "error" ? "error" : "warn",
    user: event.userId ?? "anonymous",
    action: event.action,
    outcome: event.outcome,
    requestId: event.requestId ?? null,
    ...(event.reason ? { reason: event.reason } : {}),
    ...(event.fields?.length ? { fields: event.fields } : {}),
  };
  if (process.env.CR_LOG_SILENT === "1") return;
  console.log(JSON.stringify(line));
}
