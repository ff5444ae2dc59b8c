import type { z } from "zod";

/**
 * Turns a zod issue into a message key of the `validation` catalog, with one number where the message
 * needs it ("tooShort:12"). Used for every parse, on the client (zodResolver) and in the server guard, so
 * the same input gets the same words in either place, in the user's language.
 */
export function issueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "required" : `tooShort:${issue.minimum}`;
      return `tooSmall:${issue.minimum}`;
    case "too_big":
      return issue.origin === "string" ? `tooLong:${issue.maximum}` : `tooLarge:${issue.maximum}`;
    case "invalid_format":
      return issue.format === "email" ? "email" : "format";
    case "unrecognized_keys":
      return "unknownKeys";
    case "invalid_value":
      return "choice";
    case "invalid_type":
      return issue.input === undefined || issue.input === null || issue.input === "" ? "required" : "invalid";
    default:
      return "invalid";
  }
}

export const parseOptions = { error: issueMessage } as const;

// NUL, or half of a UTF-16 surrogate pair: neither is a character PostgreSQL can store (text refuses NUL,
// jsonb, and so the audit log, refuses both).
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path of the first text in an action's input that the database cannot store (NUL, a lone surrogate),
 * "" for the input itself, null when there is none. The guard refuses it as a field error before anything
 * reaches the database, where it would fail as an error instead.
 */
export function unstorableText(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return UNSTORABLE.test(value) ? path.join(".") : null;
  if (path.length > 8 || typeof value !== "object" || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = unstorableText(item, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/** Splits "tooShort:12" into the catalog key and its parameter. */
export function messageParts(message: string): { key: string; n?: number } {
  const [key = "invalid", n] = message.split(":");
  return n === undefined ? { key } : { key, n: Number(n) };
}
