"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

export interface MinistryBar {
  label: string;
  name: string;
  /** Display only: the table beside the chart holds the exact figures. */
  planned: number;
  assessed: number;
  paid: number;
}

const compact = (locale: Locale) => new Intl.NumberFormat(locale === "en" ? "en-GB" : "lv-LV", { notation: "compact", maximumFractionDigits: 1 });

/**
 * Planned, assessed and paid per paying ministry. Recharts' keyboard layer is off: the SVG is hidden from
 * assistive technology (the figure's table is its accessible equivalent), so it must not take focus either.
 */
export function MinistryBarChart({ bars, labels, locale }: { bars: MinistryBar[]; labels: { planned: string; assessed: string; paid: string }; locale: Locale }) {
  const axis = compact(locale);
  return (
    <BarChart data={bars} responsive accessibilityLayer={false} style={{ width: "100%", height: 288 }} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" />
      <YAxis tickFormatter={(value: number) => axis.format(value)} width={64} />
      <Tooltip
        formatter={(value) => formatMoney(String(value), "EUR", locale)}
        labelFormatter={(label) => bars.find((bar) => bar.label === label)?.name ?? String(label)}
      />
      <Legend formatter={(value: string) => <span className="text-foreground">{value}</span>} />
      <Bar dataKey="planned" name={labels.planned} fill="var(--chart-2)" />
      <Bar dataKey="assessed" name={labels.assessed} fill="var(--chart-4)" />
      <Bar dataKey="paid" name={labels.paid} fill="var(--chart-1)" />
    </BarChart>
  );
}
