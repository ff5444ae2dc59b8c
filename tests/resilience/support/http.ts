import { actionId } from "../../../e2e/support/actions";

/** A browser's cookies for one site, enough for next-auth's csrf and session cookies. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  clone(): CookieJar {
    const copy = new CookieJar();
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }
}

export const SESSION_COOKIE = "authjs.session-token";

export interface Answer {
  status: number;
  body: string;
  location: string | null;
  /** The server closed the connection before the body ended (a streamed answer whose source failed). */
  cut?: boolean;
}

/** A request that never follows redirects and never waits longer than `timeoutMs` (a hang is a failure). */
export async function request(
  base: string,
  path: string,
  init: { jar?: CookieJar; method?: string; headers?: Record<string, string>; body?: string | URLSearchParams; timeoutMs?: number } = {},
): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? "GET",
    headers: { ...(init.jar ? { cookie: init.jar.header() } : {}), ...init.headers },
    body: init.body,
    redirect: "manual",
    signal: AbortSignal.timeout(init.timeoutMs ?? 20_000),
  });
  init.jar?.take(response);
  const location = response.headers.get("location");
  try {
    return { status: response.status, body: await response.text(), location };
  } catch (error) {
    // A streamed answer (a page's later chunks, an export) whose source failed mid-way ends with the socket
    // closed: a truncated answer, not a hang; the timeout above still throws.
    if (error instanceof TypeError && error.message === "terminated") return { status: response.status, body: "", location, cut: true };
    throw error;
  }
}

export type SignInOutcome = "signed_in" | "invalid" | "throttled";

/** Signs in as a browser's form post to next-auth's credentials callback would (the CI smoke test's way). */
export async function signIn(base: string, jar: CookieJar, email: string, password: string): Promise<SignInOutcome> {
  const csrf = await request(base, "/api/auth/csrf", { jar });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await request(base, "/api/auth/callback/credentials", {
    jar,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken }),
  });
  if (answer.status === 429) return "throttled";
  if (answer.status === 302 && jar.get(SESSION_COOKIE) && !answer.location?.includes("error=")) return "signed_in";
  if (answer.status === 302 && answer.location?.includes("code=invalid")) return "invalid";
  throw new Error(`unexpected sign-in answer ${answer.status} ${answer.location}`);
}

/**
 * Calls a server action of the build by its key, as React's client does (e2e/support/actions.ts): POST
 * with the action's id in `Next-Action` and the arguments as a JSON array.
 */
export function callAction(base: string, jar: CookieJar, key: string, args: unknown[], timeoutMs?: number): Promise<Answer> {
  return request(base, "/", {
    jar,
    method: "POST",
    headers: { "Next-Action": actionId(key), Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
    body: JSON.stringify(args),
    timeoutMs,
  });
}

/** The typed result an action answered with, from its flight answer ("1:{...}"). */
export function actionResult(answer: Answer): { ok: boolean; error?: string; data?: unknown } | null {
  const line = answer.body.split("\n").find((l) => /^1:\{"ok":/.test(l));
  return line ? (JSON.parse(line.slice(2)) as { ok: boolean; error?: string }) : null;
}

/**
 * What an answer must never show a user: a stack frame, a source or build path, SQL text or a driver's
 * error. (The page's own script names, /_next/static/chunks/…js, are not paths of the server.)
 */
const LEAKS: [string, RegExp][] = [
  ["stack frame", /\bat\s+(?:async\s+)?[\w$.<>[\]]+\s+\(|\bat\s+\/|\bat\s+file:/],
  ["source position", /\.(?:[cm]?js|tsx?):\d+:\d+/],
  ["server path", new RegExp([process.cwd(), "/node_modules/", ".next/server", "/usr/lib/"].map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"))],
  ["SQL", /Failed query|\bselect\b[^<>]{0,120}\bfrom\s+"|\bupdate\s+"\w+"\s+set\b|user_sessions|sign_in_attempts/i],
  ["driver error", /ECONNREFUSED|ECONNRESET|CONNECT_TIMEOUT|CONNECTION_(?:CLOSED|ENDED|DESTROYED)|57P0\d|terminating connection|the database system is/i],
  ["connection string", /postgres(?:ql)?:\/\/|127\.0\.0\.1:\d{4}/i],
];

export function leaksIn(body: string): string[] {
  return LEAKS.filter(([, pattern]) => pattern.test(body)).map(([name, pattern]) => `${name}: ${pattern.exec(body)![0]}`);
}
