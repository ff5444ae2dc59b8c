/** What an action can answer besides success. The UI has a message for each, in both languages. */
export type ActionErrorCode =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "invalid"
  | "conflict"
  /** A hard delete refused: other records refer to this one (archive it instead). */
  | "in_use"
  /** The fiscal year of the record is closed: its contributions and payments are read-only. */
  | "year_closed"
  | "password_change_required"
  | "busy"
  | "unavailable"
  | "error";

export type FieldErrors = Record<string, string[]>;

/**
 * Thrown inside an action's body to end it with a typed answer; the transaction is rolled back.
 * `fieldErrors` hold message keys (errors.field.*) per field; `current` holds the record as someone else
 * saved it, for the conflict dialog.
 */
export class ActionError extends Error {
  constructor(
    readonly code: ActionErrorCode,
    readonly details: { fieldErrors?: FieldErrors; current?: unknown } = {},
  ) {
    super(code);
    this.name = "ActionError";
  }
}

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: ActionErrorCode; fieldErrors?: FieldErrors; current?: unknown };
