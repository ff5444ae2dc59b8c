import type { ContributionRow } from "@/db/queries/contributions";
import { sumStoredMoney } from "@/lib/cents";
import { formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { cn } from "@/lib/utils";
import { GRID_COLUMNS, MONEY_COLUMNS } from "./grid-columns";

/** Every grid row's height (the virtualizer's estimate and the rows' own style). */
export const ROW_HEIGHT = 36;

type Sums = Record<(typeof MONEY_COLUMNS)[number]["key"], string>;

/** The EUR columns' sums over the lines that count: a cancelled line stays on record but adds up to nothing. */
export function sumsOf(rows: readonly ContributionRow[]): Sums {
  const counted = rows.filter((r) => r.status !== "cancelled");
  return Object.fromEntries(MONEY_COLUMNS.map((c) => [c.key, sumStoredMoney(counted.map((r) => r[c.key]))])) as Sums;
}

/** The totals row (and a group's subtotal): sums of the stored, rounded EUR lines. */
export function SumRow({ label, sums, locale, subtle, rowIndex }: { label: string; sums: Sums; locale: Locale; subtle?: boolean; rowIndex?: number }) {
  return (
    <tr aria-rowindex={rowIndex} className={cn("font-semibold", subtle && "bg-muted/30")} style={{ height: ROW_HEIGHT }} data-testid={subtle ? "subtotal-row" : "total-row"}>
      {GRID_COLUMNS.map((c, index) =>
        index === 0 ? (
          <th key={c.key} scope="row" colSpan={1} className="bg-muted sticky left-0 z-10 border-t px-2 text-left whitespace-nowrap">
            {label}
          </th>
        ) : (
          <td key={c.key} className={cn("border-t px-2 whitespace-nowrap", "numeric" in c && "text-right tabular-nums")} data-field={c.key}>
            {"money" in c && c.money ? formatMoney(sums[c.key], "EUR", locale) : ""}
          </td>
        ),
      )}
    </tr>
  );
}
