import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/session";
import { AdminNav } from "./_components/admin-nav";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // Each page checks again (layouts do not run for every request); this keeps the section's frame from non-admins.
  await requireUser({ roles: ["admin"] });
  return (
    <div className="flex flex-col gap-6">
      <AdminNav />
      {children}
    </div>
  );
}
