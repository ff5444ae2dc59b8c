import type { UserRole } from "@/db/schema/enums";
import { Building2, Coins, FileBarChart, FileUp, Globe2, Grid3x3, Landmark, LayoutDashboard, Settings } from "lucide-react";

/**
 * The app's sections in menu order. `ready: false` marks a section whose pages are not built yet:
 * it is shown (so people see what is coming) but not linked, instead of leading to a 404. `roles` hides a
 * section from everyone else (the pages check the role themselves; hiding is only tidiness).
 */
export const navItems: readonly {
  key: "dashboard" | "missions" | "organizations" | "responsibilities" | "ministries" | "contributions" | "reports" | "import" | "admin";
  href: string;
  icon: typeof Settings;
  ready: boolean;
  roles?: readonly UserRole[];
  /** The section's pages, when wider than `href`. */
  section?: string;
}[] = [
  { key: "dashboard", href: "/", icon: LayoutDashboard, ready: true },
  { key: "missions", href: "/missions", icon: Globe2, ready: true },
  { key: "organizations", href: "/organizations", icon: Building2, ready: true },
  { key: "responsibilities", href: "/organizations/responsibilities", icon: Grid3x3, ready: true },
  { key: "ministries", href: "/ministries", icon: Landmark, ready: true },
  { key: "contributions", href: "/contributions", icon: Coins, ready: true },
  { key: "reports", href: "/reports", icon: FileBarChart, ready: true },
  { key: "import", href: "/import", icon: FileUp, ready: true, roles: ["admin", "editor"] },
  { key: "admin", href: "/admin/users", section: "/admin", icon: Settings, ready: true, roles: ["admin"] },
];
