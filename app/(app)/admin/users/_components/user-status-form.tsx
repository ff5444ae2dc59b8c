"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormStatus } from "@/components/form/form-status";
import type { FormFailure } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { setUserDisabled } from "../actions";

/** One button: disable (ends the person's sessions at once) or enable again. */
export function UserStatusForm({
  id,
  version,
  disabled,
  onSaved,
}: {
  id: number;
  version: number;
  disabled: boolean;
  onSaved: (version: number) => void;
}) {
  const t = useTranslations("users");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [saved, setSaved] = useState(false);

  function toggle() {
    startTransition(async () => {
      setFailure(null);
      const result = await setUserDisabled({ id, version, disabled: !disabled });
      if (!result.ok) {
        setFailure({ code: result.error, current: result.current });
        return;
      }
      setSaved(true);
      onSaved(result.data.version);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col items-start gap-3">
      <p className="text-muted-foreground text-sm">{disabled ? t("disabledHint") : t("disableHint")}</p>
      <Button type="button" variant={disabled ? "outline" : "destructive"} onClick={toggle} disabled={pending}>
        {disabled ? t("enable") : t("disable")}
      </Button>
      <FormStatus failure={failure} saved={saved} savedText={disabled ? t("nowDisabled") : t("nowEnabled")} />
    </div>
  );
}
