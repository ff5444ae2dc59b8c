import { afterAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db/index";
import { GET } from "@/app/api/health/route";
import { setupTestDatabase } from "../helpers/test-db";

setupTestDatabase("empty");

describe("GET /api/health", () => {
  it("answers 200 ok when the database answers", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  describe("with the database unreachable", () => {
    const saved = { url: process.env.DATABASE_URL, dir: process.env.PGLITE_DIR };
    afterAll(async () => {
      await closeDb();
      process.env.DATABASE_URL = saved.url;
      process.env.PGLITE_DIR = saved.dir;
    });

    it("answers 503 promptly and names nothing about the database", async () => {
      await closeDb();
      // Nothing listens on port 9 here: the connection is refused at once.
      process.env.DATABASE_URL = "postgres://postgres:secret-password@127.0.0.1:9/nowhere";
      const started = Date.now();
      const response = await GET();
      expect(response.status).toBe(503);
      const body = await response.text();
      expect(JSON.parse(body)).toEqual({ status: "error", db: "unreachable" });
      expect(body).not.toMatch(/secret-password|127\.0\.0\.1|nowhere/);
      expect(Date.now() - started).toBeLessThan(10_000);
    });
  });
});
