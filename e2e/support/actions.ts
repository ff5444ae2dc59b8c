import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

export interface ServerAction {
  id: string;
  /** "app/(app)/admin/users/actions.ts#createUser": how the specs name an action. */
  key: string;
}

/**
 * Every server action in the production build, from Next's own manifest (read when a test runs, after
 * the web server has built): a new action is seen at once, whether or not anyone wrote a test for it.
 */
export function serverActions(): ServerAction[] {
  const file = path.join(import.meta.dirname, "..", "..", ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({ id, key: `${entry.filename}#${entry.exportedName}` }));
}

export function actionId(key: string): string {
  const found = serverActions().find((a) => a.key === key);
  if (!found) throw new Error(`no action ${key} in the build`);
  return found.id;
}

export interface ActionAnswer {
  status: number;
  body: string;
  /** Where the action sent the browser (x-action-redirect, without its ";push"), if it redirected. */
  redirect: string | null;
}

/**
 * Calls an action the way React's client does: POST to a page with the action's id in `Next-Action` and
 * the arguments as a JSON array. `args` may be a raw string, to send keys JSON.stringify would drop
 * (`__proto__`). No Origin header unless given: the action's own checks are what is tested.
 */
/** A multipart body as React's client sends an action whose one argument is a FormData (a file upload). */
export interface MultipartArgs {
  multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
}

/** The multipart body of an action called with one FormData: React names its fields `_1_<key>` and the root "0". */
export function formDataArgs(fields: MultipartArgs["multipart"]): MultipartArgs {
  return { multipart: { "0": '["$K1"]', ...Object.fromEntries(Object.entries(fields).map(([key, value]) => [`_1_${key}`, value])) } };
}

/**
 * The multipart body in React's order: the FormData's fields first, the root "0" last. The server resolves
 * the root as soon as it arrives, and a `$K` reference only sees the fields read before it (an object
 * lists "0" first, whatever the order it was written in, hence a FormData).
 */
function orderedForm(fields: MultipartArgs["multipart"]): FormData {
  const form = new FormData();
  const entries = Object.entries(fields);
  for (const [key, value] of [...entries.filter(([key]) => key !== "0"), ...entries.filter(([key]) => key === "0")]) {
    form.append(key, typeof value === "string" ? value : new File([new Uint8Array(value.buffer)], value.name, { type: value.mimeType }));
  }
  return form;
}

export async function callAction(
  request: APIRequestContext,
  id: string,
  args: unknown[] | string | MultipartArgs,
  headers: Record<string, string> = {},
): Promise<ActionAnswer> {
  const multipart = typeof args === "object" && !Array.isArray(args) ? (args as MultipartArgs).multipart : null;
  const response = await request.post("/", {
    headers: {
      "Next-Action": id,
      Accept: "text/x-component",
      ...(multipart ? {} : { "Content-Type": "text/plain;charset=UTF-8" }),
      ...headers,
    },
    ...(multipart ? { multipart: orderedForm(multipart) } : { data: typeof args === "string" ? args : JSON.stringify(args) }),
    maxRedirects: 0,
  });
  const redirect = response.headers()["x-action-redirect"]?.split(";")[0] ?? null;
  return { status: response.status(), body: await response.text(), redirect };
}

/** The `error` an action answered with (the guard's typed result), or null if it answered otherwise. */
export function actionError(answer: ActionAnswer): string | null {
  return /"ok":false,"error":"([a-z_]+)"/.exec(answer.body)?.[1] ?? null;
}

/** True when the action's result is a success ({ ok: true, ... }). */
export function actionSucceeded(answer: ActionAnswer): boolean {
  return answer.body.includes('"ok":true');
}

/** The path of an action's redirect when it stays on `baseURL`'s origin; null otherwise. */
export function redirectPath(answer: ActionAnswer, baseURL: string): string | null {
  if (!answer.redirect) return null;
  const url = new URL(answer.redirect, baseURL);
  return url.origin === new URL(baseURL).origin ? url.pathname : null;
}
