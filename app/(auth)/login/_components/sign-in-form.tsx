"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldMessage } from "@/components/form/field-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { signInWithPassword, type SignInState } from "../../actions";

/**
 * A plain form posted to a server action, so it works before (and without) JavaScript; the server
 * validates and answers with field messages or one sign-in error.
 */
export function SignInForm({ callbackUrl, providerError }: { callbackUrl: string; providerError: string | null }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPassword, {});
  const error = state.error ? t(state.error === "throttled" ? "throttled" : "invalid") : state.fieldErrors ? null : providerError;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {error && (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="flex flex-col gap-2">
        <Label htmlFor="email">{t("email")}</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={!!state.fieldErrors?.email}
          aria-describedby={state.fieldErrors?.email ? "email-error" : undefined}
          autoFocus
        />
        <FieldMessage id="email-error" messages={state.fieldErrors?.email} />
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="password">{t("password")}</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={!!state.fieldErrors?.password}
          aria-describedby={state.fieldErrors?.password ? "password-error" : undefined}
        />
        <FieldMessage id="password-error" messages={state.fieldErrors?.password} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("signingIn") : t("submit")}
      </Button>
    </form>
  );
}
