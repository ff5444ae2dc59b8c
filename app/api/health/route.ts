import { isDatabaseReachable } from "@/db/queries/health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability for load balancers; says nothing about the data. */
export async function GET() {
  const ok = await isDatabaseReachable();
  return Response.json(ok ? { status: "ok", db: "ok" } : { status: "error", db: "unreachable" }, {
    status: ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
