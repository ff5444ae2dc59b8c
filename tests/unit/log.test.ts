import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { logEvent, type LogEvent } from "@/lib/log";

const ALLOWED = ["time", "level", "user", "action", "outcome", "requestId", "reason", "fields"];

let printed: string[] = [];
beforeEach(() => {
  printed = [];
  vi.stubEnv("CR_LOG_SILENT", "");
  vi.spyOn(console, "log").mockImplementation((line: unknown) => void printed.push(String(line)));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("logEvent", () => {
  it("prints one JSON line of the allowed fields only, whatever else a caller passes", () => {
    // A careless caller spreading a request or a form into the event: none of it may reach the log.
    const careless = {
      action: "auth.sign_in",
      outcome: "failure",
      reason: "wrong_credentials",
      password: "Parole-123456",
      email: "someone@iemaksas.example",
      cookie: "authjs.session-token=abc.def.ghi",
      headers: { authorization: "Bearer xyz" },
      databaseUrl: "postgres://app:s3cret@db/register",
    } as LogEvent;
    logEvent(careless);
    expect(printed).toHaveLength(1);
    const line = JSON.parse(printed[0]!) as Record<string, unknown>;
    expect(Object.keys(line).every((key) => ALLOWED.includes(key))).toBe(true);
    expect(line).toMatchObject({ user: "anonymous", action: "auth.sign_in", outcome: "failure", level: "warn", requestId: null });
    expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    for (const value of ["Parole-123456", "someone@", "session-token", "Bearer", "s3cret"]) expect(printed[0]).not.toContain(value);
  });

  it("names the user by id, and validation failures by field names", () => {
    logEvent({ action: "missions.update", outcome: "invalid", userId: 7, requestId: "req-1", fields: ["name", "email"] });
    expect(JSON.parse(printed[0]!)).toStrictEqual({
      time: expect.any(String),
      level: "warn",
      user: 7,
      action: "missions.update",
      outcome: "invalid",
      requestId: "req-1",
      fields: ["name", "email"],
    });
  });
});
