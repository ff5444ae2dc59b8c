import "server-only";
import { scopeAllows } from "@/lib/action";
import type { SessionUser } from "@/lib/auth/session";

/**
 * Whether a page shows edit controls: the same rules as the actions' guard. Hiding is tidiness only;
 * the actions check again.
 */
export const canEditMinistries = (user: SessionUser) => user.role === "admin";

/** Programmes of this ministry: admins, unscoped editors and the ministry's own editors. */
export function canEditProgrammes(user: SessionUser, ministryId: number): boolean {
  return user.role !== "viewer" && scopeAllows(user, { ministryIds: [ministryId] });
}
