import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { requireUser } from "@/lib/auth/session";

/**
 * The shell needs the user for its menu. This is not the access check: layouts are not re-run on every
 * navigation, so each page calls requireUser() itself, and each action goes through lib/action.ts.
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser({ allowPendingPasswordChange: true });
  return <AppShell user={user}>{children}</AppShell>;
}
