import type { FieldDiff, PlannedRow, WrittenColumn } from "@/db/queries/import-plan";
import { formatDate, formatDecimal, formatMoney, formatRate } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

type Translate = { (key: string, values?: Record<string, string | number>): string; has: (key: string) => boolean };

/** A value of the dry run (codes, decimal strings, ISO dates, enum keys) as the reader writes it. */
export function shownValue(field: WrittenColumn, value: string | null, locale: Locale, tContributions: Translate): string {
  if (value === null || value === "") return "—";
  switch (field) {
    case "amountEur":
    case "plannedEur":
      return formatMoney(value, "EUR", locale);
    case "amount":
      return formatDecimal(value, 2, locale);
    case "exchangeRateId":
      return formatRate(value, locale);
    case "dueDate":
      return formatDate(value, locale);
    case "kind":
    case "status":
      return tContributions.has(`values.${field}.${value}`) ? tContributions(`values.${field}.${value}`) : value;
    default:
      return value;
  }
}

/**
 * What a row would do, in words: each changed field before → after (a new line: its values), or each
 * reason it is refused, with the field and the file's column it came from.
 */
export function RowDetails({
  row,
  headers,
  mapping,
  locale,
  t,
  tContributions,
}: {
  row: PlannedRow;
  headers: string[];
  mapping: Partial<Record<string, number>>;
  locale: Locale;
  t: Translate;
  tContributions: Translate;
}) {
  if (row.class === "error") {
    return (
      <ul className="text-destructive flex flex-col gap-1">
        {row.errors.map((error, index) => {
          const column = error.field === null ? undefined : mapping[error.field];
          const field = error.field === null ? t("rows.row") : t(`fields.${error.field}`);
          const where = column === undefined ? field : t("rows.column", { field, header: headers[column] || String(column + 1) });
          return (
            <li key={index}>
              <span className="font-medium">{where}:</span> {t(`errors.${error.message}`, { value: error.value ?? "—" })}
            </li>
          );
        })}
      </ul>
    );
  }
  if (row.diff.length === 0) return <span className="text-muted-foreground">—</span>;
  const label = (diff: FieldDiff) => (tContributions.has(`fields.${diff.field}`) ? tContributions(`fields.${diff.field}`) : diff.field);
  return (
    <ul className="flex flex-col gap-1">
      {row.diff.map((diff) => (
        <li key={diff.field} data-field={diff.field}>
          <span className="font-medium">{label(diff)}:</span>{" "}
          {row.class === "changed" && (
            <>
              <del className="text-muted-foreground">{shownValue(diff.field, diff.before, locale, tContributions)}</del> →{" "}
            </>
          )}
          <ins className="no-underline">{shownValue(diff.field, diff.after, locale, tContributions)}</ins>
        </li>
      ))}
    </ul>
  );
}
