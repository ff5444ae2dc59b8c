"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { type DefaultValues, type FieldValues, type Path, type Resolver, useForm } from "react-hook-form";
import type { z } from "zod";
import type { ActionErrorCode, ActionResult } from "@/lib/errors";
import { parseOptions } from "@/lib/validation";

export interface FormFailure {
  code: ActionErrorCode;
  /** The record as someone else saved it (conflict). */
  current?: unknown;
}

/**
 * react-hook-form wired to a server action: the same zod schema checks the fields in the browser and
 * (again, authoritatively) in the action; the raw values are sent, and the server's field messages land
 * under the same fields. Anything else the action answers becomes `failure` for the form's alert.
 */
export function useActionForm<V extends FieldValues, R>({
  schema,
  action,
  defaultValues,
  onSuccess,
}: {
  /** The form's schema; V is its input type (what the fields hold). */
  schema: z.ZodType<unknown, V>;
  action: (input: V) => Promise<ActionResult<R>>;
  defaultValues: DefaultValues<V>;
  onSuccess?: (data: R, values: V) => void;
}) {
  const form = useForm<V>({
    // raw: the action gets the values as typed and parses them itself with the same schema.
    resolver: zodResolver(schema as never, parseOptions, { raw: true }) as unknown as Resolver<V>,
    defaultValues,
    // Check on submit, then as the user corrects. ("onTouched" let a field's blur check, still running when
    // the form was submitted, overwrite the submit's messages for fields never touched.)
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [saved, setSaved] = useState(false);

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    setSaved(false);
    let result: ActionResult<R>;
    try {
      result = await action(values);
    } catch {
      // The request itself failed (network, server down): say so, keep what the user typed.
      setFailure({ code: "unavailable" });
      return;
    }
    if (result.ok) {
      setSaved(true);
      onSuccess?.(result.data, values);
      return;
    }
    let first = true;
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (!messages[0]) continue;
      form.setError(field as Path<V>, { type: "server", message: messages[0] }, { shouldFocus: first });
      first = false;
    }
    setFailure({ code: result.error, current: result.current });
  });

  return { form, onSubmit, failure, saved, setFailure };
}
