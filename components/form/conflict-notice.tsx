"use client";

import { Button } from "@/components/ui/button";

/** The fields whose saved value differs from the form's, as "label: their value" lines. */
export function theirChanges<V extends Record<string, unknown>>(
  mine: V,
  theirs: V,
  keys: readonly (keyof V & string)[],
  show: (key: keyof V & string, value: V[keyof V]) => string,
): { field: string; value: string }[] {
  return keys.filter((key) => show(key, mine[key]) !== show(key, theirs[key])).map((key) => ({ field: key, value: show(key, theirs[key]) }));
}

/**
 * What a conflict shows under the form's alert: the values someone else saved meanwhile, and a button that
 * loads them into the form (the user's own typing stays until they press it).
 */
export function ConflictNotice({
  intro,
  changes,
  label,
  empty,
  loadLabel,
  onLoad,
}: {
  intro?: string;
  changes: { field: string; value: string }[];
  /** The field's name in the user's language. */
  label: (field: string) => string;
  /** Shown for a value they left empty. */
  empty: string;
  loadLabel: string;
  onLoad: () => void;
}) {
  return (
    <div className="flex flex-col items-start gap-2">
      {changes.length > 0 && (
        <div className="flex flex-col gap-1">
          {intro && <p>{intro}</p>}
          <ul className="list-disc pl-5" data-testid="their-values">
            {changes.map(({ field, value }) => (
              <li key={field}>
                {label(field)}: {value || empty}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Button type="button" variant="outline" size="sm" onClick={onLoad}>
        {loadLabel}
      </Button>
    </div>
  );
}
