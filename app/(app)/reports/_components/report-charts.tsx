"use client";

import dynamic from "next/dynamic";
import type { Locale } from "@/lib/i18n/config";
import type { MinistryBar } from "./ministry-bar-chart";
import type { TrendPoint } from "./trend-line-chart";

// Recharts is loaded in the browser after the table (ssr: false): the report's figures do not wait for it.
const placeholder = () => <div className="bg-muted/40 h-72 w-full animate-pulse rounded-md" />;
const MinistryBarChart = dynamic(() => import("./ministry-bar-chart").then((m) => m.MinistryBarChart), { ssr: false, loading: placeholder });
const TrendLineChart = dynamic(() => import("./trend-line-chart").then((m) => m.TrendLineChart), { ssr: false, loading: placeholder });

/** A chart as a figure named by its caption; the drawing itself is decorative, the table is its text. */
function ChartFigure({ caption, note, children }: { caption: string; note: string; children: React.ReactNode }) {
  return (
    <figure className="flex flex-col gap-2 rounded-lg border p-4">
      <figcaption className="text-sm font-medium">
        {caption} <span className="text-muted-foreground font-normal">{note}</span>
      </figcaption>
      <div aria-hidden="true">{children}</div>
    </figure>
  );
}

export function MinistryChart(props: { caption: string; note: string; bars: MinistryBar[]; labels: { planned: string; assessed: string; paid: string }; locale: Locale }) {
  return (
    <ChartFigure caption={props.caption} note={props.note}>
      <MinistryBarChart bars={props.bars} labels={props.labels} locale={props.locale} />
    </ChartFigure>
  );
}

export function TrendChart(props: { caption: string; note: string; points: TrendPoint[]; label: string; locale: Locale }) {
  return (
    <ChartFigure caption={props.caption} note={props.note}>
      <TrendLineChart points={props.points} label={props.label} locale={props.locale} />
    </ChartFigure>
  );
}
