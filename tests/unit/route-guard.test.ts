import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionCheck, SessionUser } from "@/db/queries/auth";
import { ActionError } from "@/lib/errors";
import { defineRoute } from "@/lib/route";

// The session is what the database would say; here it is set per test.
const session = vi.hoisted(() => ({ current: { ok: false, reason: "no_session" } as SessionCheck }));
vi.mock("@/lib/auth/session", () => ({ currentSession: async () => session.current }));
vi.mock("@/lib/request", async (original) => ({ ...(await original<object>()), requestId: async () => "req-route-test" }));

const viewer: SessionUser = {
  id: 7,
  email: "v@example.test",
  name: "V",
  role: "viewer",
  ministryId: 3,
  ministryCode: "zm",
  ministryNameLv: "Zemkopības ministrija",
  ministryNameEn: "Ministry of Agriculture",
  locale: "lv",
  mustChangePassword: false,
  sessionId: "s",
};

const handler = vi.fn(async (input: { year: number }, ctx: { user: SessionUser }) =>
  Response.json({ year: input.year, scope: ctx.user.ministryId }),
);
const route = defineRoute({
  name: "test.export",
  roles: ["admin", "editor", "viewer"],
  query: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
  handler,
});
const adminOnly = defineRoute({ name: "test.admin", roles: ["admin"], query: z.strictObject({ year: z.coerce.number() }), handler });

const get = (query: string) => new NextRequest(`http://app.test/api/x?${query}`);

beforeEach(() => {
  handler.mockClear();
  process.env.CR_LOG_SILENT = "1";
});

describe("defineRoute", () => {
  it("answers 401 without a session, and never runs the handler", async () => {
    session.current = { ok: false, reason: "ended" };
    const response = await route(get("year=2026"));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "unauthorized" });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 403 to a role the route does not admit", async () => {
    session.current = { ok: true, user: viewer };
    expect((await adminOnly(get("year=2026"))).status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 400 with field messages to bad or unknown parameters", async () => {
    session.current = { ok: true, user: viewer };
    const bad = await route(get("year=abc"));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "invalid", fieldErrors: { year: expect.any(Array) } });
    expect((await route(get("year=2026&ministryId=1"))).status).toBe(400);
    const twice = await route(get("year=2026&year=2025"));
    expect(twice.status).toBe(400);
    expect(await twice.json()).toEqual({ error: "invalid", fieldErrors: { year: ["invalid"] } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("runs the handler with the user from the session (for the scope) and marks the answer no-store", async () => {
    session.current = { ok: true, user: viewer };
    const response = await route(get("year=2026"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ year: 2026, scope: 3 });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("turns not-found (missing or out of scope) into a plain 404", async () => {
    session.current = { ok: true, user: viewer };
    handler.mockImplementationOnce(async () => Promise.reject(new ActionError("not_found")));
    const missing = await route(get("year=2001"));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "not_found" });
  });

  it("hides an unexpected failure behind a generic 500", async () => {
    session.current = { ok: true, user: viewer };
    handler.mockImplementationOnce(async () => Promise.reject(new Error("relation \"secret_table\" does not exist")));
    const response = await route(get("year=2026"));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("secret_table");
  });
});
