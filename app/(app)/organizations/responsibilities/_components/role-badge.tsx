import { cn } from "@/lib/utils";
import type { CellRole } from "../schemas";

const look: Record<CellRole, string> = {
  lead: "bg-primary text-primary-foreground border-primary",
  co_responsible: "border-primary text-primary bg-background",
  paying: "border-foreground border-dashed text-foreground bg-background",
  none: "border-transparent text-muted-foreground",
};

/** A role's letter in a cell and in the legend; the words next to it are for screen readers. */
export function RoleBadge({ role, abbr, className }: { role: CellRole; abbr: string; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn("inline-flex size-7 items-center justify-center rounded-md border text-xs font-semibold", look[role], className)}
    >
      {abbr}
    </span>
  );
}
