"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { FormFailure } from "@/components/form/use-action-form";
import type { ActionResult } from "@/lib/errors";

/** A remove button's call: runs the action, then reloads the tab's rows, or keeps the failure to show. */
export function useLinkRemoval<I>(action: (input: I) => Promise<ActionResult<unknown>>) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [removed, setRemoved] = useState(false);
  const remove = (input: I) =>
    startTransition(async () => {
      setFailure(null);
      setRemoved(false);
      let result: ActionResult<unknown>;
      try {
        result = await action(input);
      } catch {
        setFailure({ code: "unavailable" });
        return;
      }
      if (!result.ok) {
        setFailure({ code: result.error });
        return;
      }
      setRemoved(true);
      router.refresh();
    });
  return { remove, pending, failure, removed };
}
