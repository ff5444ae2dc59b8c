import "server-only";
import { missionsMinistryId } from "@/db/queries/missions";
import { scopeAllows } from "@/lib/action";
import type { SessionUser } from "@/lib/auth/session";

/**
 * Whether the page shows edit controls: the same rule as the actions' guard (roles and the "am" scope).
 * Hiding is tidiness only; the actions check again.
 */
export async function canEditMissions(user: SessionUser): Promise<boolean> {
  if (user.role === "viewer") return false;
  const ministryId = await missionsMinistryId();
  return scopeAllows(user, { ministryIds: ministryId === null ? [] : [ministryId] });
}

export const isAdmin = (user: SessionUser) => user.role === "admin";
