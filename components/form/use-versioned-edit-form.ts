"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { DefaultValues, FieldValues } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/errors";
import { useActionForm } from "./use-action-form";

/**
 * The edit form of a versioned record whose page has other forms too (archive, status…). They share the
 * version the page last knew: each save sends it and passes the new one on (`onSaved`), so one form's save
 * never makes another's next save a false conflict. When another form saved, the fields take the fresh
 * values unless the user is editing them (then their save reports the conflict). A real conflict gives
 * `current` (the record as someone else saved it) and `loadTheirs` to put it in the form.
 */
export function useVersionedEditForm<V extends FieldValues, Rec extends { version: number }>({
  schema,
  action,
  record,
  toValues,
  version,
  onSaved,
}: {
  schema: z.ZodType<unknown, V>;
  action: (input: V) => Promise<ActionResult<{ version: number }>>;
  record: Rec;
  toValues: (record: Rec) => V;
  version: number;
  onSaved: (version: number) => void;
}) {
  const router = useRouter();
  const { form, onSubmit, failure, saved, setFailure } = useActionForm<V, { version: number }>({
    schema,
    action: (values) => action({ ...values, version }),
    defaultValues: toValues(record) as DefaultValues<V>,
    onSuccess: ({ version: next }, values) => {
      form.reset(values);
      onSaved(next);
      router.refresh();
    },
  });
  const { isDirty } = form.formState;
  useEffect(() => {
    if (!isDirty) form.reset(toValues(record));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the server's version changes
  }, [record.version]);
  const current = failure?.code === "conflict" ? (failure.current as Rec | undefined) : undefined;
  const loadTheirs = () => {
    if (!current) return;
    form.reset(toValues(current));
    onSaved(current.version);
    setFailure(null);
    router.refresh();
  };
  return { form, onSubmit, failure, saved, current, loadTheirs };
}
