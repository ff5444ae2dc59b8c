import type { YearTotalRow } from "@/db/queries/organizations";

const WIDTH = 480;
const HEIGHT = 160;
const AXIS = 20;
const GAP = 6;

/**
 * A handful of yearly totals as bars, drawn on the server: no chart library for a few rectangles. The
 * picture is one image with a spoken summary (`label`); the exact figures are in the table beside it.
 * Amounts become floats only for the bar heights.
 */
export function YearChart({ rows, label }: { rows: YearTotalRow[]; label: string }) {
  const values = rows.map((row) => Number(row.totalEur ?? 0));
  const max = Math.max(...values, 0);
  const slot = WIDTH / Math.max(rows.length, 1);
  const plot = HEIGHT - AXIS;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full max-w-xl" data-testid="year-chart">
      {rows.map((row, i) => {
        const height = max > 0 ? Math.max((values[i]! / max) * (plot - 4), values[i]! > 0 ? 1 : 0) : 0;
        const x = i * slot + GAP / 2;
        return (
          <g key={row.year}>
            <rect x={x} y={plot - height} width={slot - GAP} height={height} rx={2} className="fill-primary" />
            <text x={x + (slot - GAP) / 2} y={HEIGHT - 5} textAnchor="middle" className="fill-muted-foreground text-[11px]">
              {row.year}
            </text>
          </g>
        );
      })}
      <line x1={0} x2={WIDTH} y1={plot} y2={plot} className="stroke-border" />
    </svg>
  );
}
