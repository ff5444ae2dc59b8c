import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/**
 * One labelled figure inside a <dl>: the card is the <div> that groups a <dt> with its <dd>,
 * the only nesting HTML allows there, so screen readers pair label and value.
 */
export function StatCard({ label, value, note }: { label: string; value: string; note?: ReactNode }) {
  return (
    <Card className="gap-1 px-4 py-4">
      <dt className="text-muted-foreground text-sm">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
      {note && <dd className="text-muted-foreground text-sm">{note}</dd>}
    </Card>
  );
}
