"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useLayoutEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import type { SavedContributionRow } from "@/db/queries/contributions";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

/**
 * Someone saved the row after this user loaded it: their value and who saved it, next to the cell. The
 * user keeps theirs (nothing of mine is written) or saves mine over it knowingly (a new save with the new
 * version). Focus moves into the popover and returns to the grid afterwards; Escape keeps theirs.
 */
export function ConflictPopover({
  anchorId,
  column,
  theirs,
  theirValue,
  mine,
  locale,
  onKeepTheirs,
  onUseMine,
}: {
  anchorId: string;
  column: string;
  theirs: SavedContributionRow;
  theirValue: string;
  mine: string;
  locale: Locale;
  onKeepTheirs: () => void;
  onUseMine: () => void;
}) {
  const t = useTranslations("contributions.grid");
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);

  // Placed under the cell once it is in the DOM (measured, so not known at render time). A layout effect
  // runs before the browser paints, so the panel is never seen in the wrong place and needs no hiding
  // meanwhile. It must not be hidden: the buttons' `transition-all` would carry a visibility change as a
  // transition, which starts at "hidden", and focus() on a hidden button does nothing (the cause of focus
  // sometimes staying on the grid).
  useLayoutEffect(() => {
    const box = document.getElementById(anchorId)?.getBoundingClientRect();
    const panel = ref.current;
    if (!panel) return;
    panel.style.top = `${box ? box.bottom + 4 : 120}px`;
    panel.style.left = `${box ? Math.max(8, Math.min(box.left, window.innerWidth - 400)) : 120}px`;
  }, [anchorId]);

  useEffect(() => {
    keepRef.current?.focus();
  }, []);

  return (
    <div
      ref={ref}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      data-testid="conflict-popover"
      className="bg-popover text-popover-foreground fixed z-50 w-96 rounded-md border p-4 shadow-lg"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onKeepTheirs();
        }
      }}
    >
      <h2 id={titleId} className="mb-2 font-semibold">
        {t("conflictTitle")} — {column}
      </h2>
      <p className="mb-3 text-sm">
        {t("conflictBody", {
          who: theirs.updatedByName ?? t("conflictSomeone"),
          when: formatDateTime(theirs.updatedAt, locale),
          value: theirValue,
          mine: mine || "—",
        })}
      </p>
      <div className="flex gap-2">
        <Button ref={keepRef} size="sm" variant="outline" onClick={onKeepTheirs}>
          {t("conflictKeepTheirs")}
        </Button>
        <Button size="sm" onClick={onUseMine}>
          {t("conflictUseMine")}
        </Button>
      </div>
    </div>
  );
}
