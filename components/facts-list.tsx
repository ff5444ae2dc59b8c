import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "@/lib/utils";

export type Fact = [label: string, value: ReactNode];

/** A record's facts as a description list: each label beside its value on wide screens, above it on narrow ones. */
export function FactsList({ items, valueClassName, className, ...rest }: { items: readonly Fact[]; valueClassName?: string } & HTMLAttributes<HTMLDListElement>) {
  return (
    <dl className={cn("grid max-w-3xl gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]", className)} {...rest}>
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium">{label}</dt>
          <dd className={cn("text-muted-foreground", valueClassName)}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
