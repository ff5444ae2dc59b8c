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

/** Splits "tooShort:12" into the catalog key and its parameter. */
export function messageParts(message: string): { key: string; n?: number } {
  const [key = "invalid", n] = message.split(":");
  return n === undefined ? { key } : { key, n: Number(n) };
}
