"use client";

import { useTranslations } from "next-intl";
import { FormStatus } from "@/components/form/form-status";
import { SelectField } from "@/components/form/select-field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { ContributionRow } from "@/db/queries/contributions";
import type { GridOptions } from "@/db/queries/grid-options";
import { contributionKind } from "@/db/schema/enums";
import type { Locale } from "@/lib/i18n/config";
import { createContribution } from "../actions";
import { createContributionSchema, type CreateContributionInput } from "../schemas";

type Values = { [K in keyof CreateContributionInput]: string };

const name = (locale: Locale, item: { nameLv: string; nameEn: string }) => (locale === "en" ? item.nameEn : item.nameLv);

/** Programmes of a ministry in force in the year. */
const programmesOf = (options: GridOptions, ministryId: string, year: number) =>
  options.programmes.filter((p) => String(p.ministryId) === ministryId && p.validFromYear <= year && (p.validToYear === null || p.validToYear >= year));

/**
 * A new line of the year: organization, kind, paying ministry, programme and currency. Choosing the
 * organization fills in its defaults (the currency it bills in, the ministry that pays it and that
 * ministry's only programme); the amounts are typed into the grid afterwards, where focus goes.
 * Mounted (and its script loaded) when the "add" button is pressed.
 */
export function AddContribution({
  year,
  options,
  locale,
  scopeMinistryId,
  onAdded,
  onClose,
}: {
  year: number;
  options: GridOptions;
  locale: Locale;
  /** A ministry-scoped editor adds lines their ministry pays. */
  scopeMinistryId: number | null;
  onAdded: (row: ContributionRow) => void;
  onClose: () => void;
}) {
  const t = useTranslations("contributions");
  const ministries = options.ministries.filter((m) => m.active && (scopeMinistryId === null || m.id === scopeMinistryId));
  const defaults: Values = {
    year: String(year),
    organizationId: "",
    kind: "assessed",
    payingMinistryId: scopeMinistryId === null ? "" : String(scopeMinistryId),
    budgetProgrammeId: "",
    currency: "EUR",
  };
  const { form, onSubmit, failure } = useActionForm<Values, { row: ContributionRow }>({
    schema: createContributionSchema as never,
    action: (values) => createContribution(values),
    defaultValues: defaults,
    onSuccess: ({ row }) => {
      onAdded(row);
      onClose();
    },
  });
  const ministryId = form.watch("payingMinistryId");

  function chooseOrganization(value: string) {
    const org = options.organizations.find((o) => String(o.id) === value);
    if (!org) return;
    if (org.currency && options.currencies.some((c) => c.code === org.currency)) form.setValue("currency", org.currency);
    const payer = scopeMinistryId ?? org.payingMinistryId;
    if (payer !== null) {
      form.setValue("payingMinistryId", String(payer));
      const programmes = programmesOf(options, String(payer), year);
      form.setValue("budgetProgrammeId", programmes.length === 1 ? String(programmes[0]!.id) : "");
    }
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent closeLabel={t("row.close")}>
        <DialogHeader>
          <DialogTitle>{t("row.addTitle")}</DialogTitle>
          <DialogDescription>{t("row.addIntro")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <input type="hidden" {...form.register("year")} />
          <SelectField
            form={form}
            name="organizationId"
            onValueChange={chooseOrganization}
            label={t("fields.organizationId")}
            options={[{ value: "", label: t("grid.chooseOption") }, ...options.organizations.filter((o) => !o.archived).map((o) => ({ value: String(o.id), label: `${o.acronym} — ${o.name}` }))]}
          />
          <SelectField
            form={form}
            name="kind"
            label={t("fields.kind")}
            options={contributionKind.enumValues.map((kind) => ({ value: kind, label: t(`values.kind.${kind}`) }))}
          />
          <SelectField
            form={form}
            name="payingMinistryId"
            onValueChange={(value) => {
              const programmes = programmesOf(options, value, year);
              form.setValue("budgetProgrammeId", programmes.length === 1 ? String(programmes[0]!.id) : "");
            }}
            label={t("fields.payingMinistryId")}
            options={[...(scopeMinistryId === null ? [{ value: "", label: t("grid.chooseOption") }] : []), ...ministries.map((m) => ({ value: String(m.id), label: name(locale, m) }))]}
          />
          <SelectField
            form={form}
            name="budgetProgrammeId"
            label={t("fields.budgetProgrammeId")}
            options={[{ value: "", label: t("grid.none") }, ...programmesOf(options, ministryId, year).map((p) => ({ value: String(p.id), label: `${p.code} — ${name(locale, p)}` }))]}
          />
          <SelectField form={form} name="currency" label={t("fields.currency")} options={options.currencies.map((c) => ({ value: c.code, label: `${c.code} — ${name(locale, c)}` }))} />
          <FormStatus failure={failure && failure.code !== "invalid" ? failure : null} saved={false} />
          <div className="flex justify-end gap-2">
            <Button type="submit" disabled={form.formState.isSubmitting}>
              {t("row.submit")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
