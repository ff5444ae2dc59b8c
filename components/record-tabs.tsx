"use client";

import { parseAsString, useQueryState } from "nuqs";
import type { ReactNode } from "react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";

/**
 * The tabs of a record's page (details, related records, history). Every panel is rendered by the server;
 * the open tab is kept in the URL (`?tab=history`) so it can be linked to and survives a reload. Arrow
 * keys move between tabs (Radix implements the WAI-ARIA tabs pattern).
 */
export function RecordTabs({ label, tabs }: { label: string; tabs: readonly { value: string; label: string; content: ReactNode }[] }) {
  const first = tabs[0]?.value ?? "";
  const [tab, setTab] = useQueryState("tab", parseAsString.withDefault(first).withOptions({ history: "replace", scroll: false }));
  const active = tabs.some((t) => t.value === tab) ? tab : first;
  return (
    <Tabs value={active} onValueChange={(value) => void setTab(value === first ? null : value)}>
      <TabsList aria-label={label}>
        {tabs.map((t) => (
          <TabsTrigger key={t.value} value={t.value}>
            {t.label}
          </TabsTrigger>
        ))}
      </TabsList>
      {tabs.map((t) => (
        <TabsContent key={t.value} value={t.value}>
          {t.content}
        </TabsContent>
      ))}
    </Tabs>
  );
}
