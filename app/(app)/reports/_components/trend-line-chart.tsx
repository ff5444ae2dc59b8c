"use client";

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

export interface TrendPoint {
  year: number;
  /** Display only: the table beside the chart holds the exact figures. */
  total: number;
}

const compact = (locale: Locale) => new Intl.NumberFormat(locale === "en" ? "en-GB" : "lv-LV", { notation: "compact", maximumFractionDigits: 1 });

/** The total per year over the range; hidden from assistive technology like the bar chart (see there). */
export function TrendLineChart({ points, label, locale }: { points: TrendPoint[]; label: string; locale: Locale }) {
  const axis = compact(locale);
  return (
    <LineChart data={points} responsive accessibilityLayer={false} style={{ width: "100%", height: 288 }} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="year" />
      <YAxis tickFormatter={(value: number) => axis.format(value)} width={64} />
      <Tooltip formatter={(value) => formatMoney(String(value), "EUR", locale)} />
      <Line type="monotone" dataKey="total" name={label} stroke="var(--chart-4)" strokeWidth={2} dot />
    </LineChart>
  );
}
