import { z } from "zod";

const minutes = (fallback: number) => z.coerce.number().int().positive().max(7 * 24 * 60).default(fallback);
const count = (fallback: number) => z.coerce.number().int().positive().max(10_000).default(fallback);

const schema = z.object({
  AUTH_SESSION_MAX_AGE_MIN: minutes(8 * 60),
  AUTH_IDLE_TIMEOUT_MIN: minutes(30),
  AUTH_THROTTLE_WINDOW_MIN: minutes(15),
  AUTH_MAX_FAILURES_PER_ACCOUNT: count(10),
  AUTH_MAX_FAILURES_PER_IP: count(30),
});

export interface AuthSettings {
  /** Absolute session lifetime, whatever the activity. */
  maxAgeMs: number;
  /** A session unused this long is over. */
  idleMs: number;
  throttleWindowMs: number;
  maxFailuresPerAccount: number;
  /** Higher than per account: a ministry's staff share one office address. */
  maxFailuresPerIp: number;
}

/** Session and throttle limits, configurable by environment (README, "Configuration"). */
export function authSettings(env: Record<string, string | undefined> = process.env): AuthSettings {
  const pick = (key: keyof z.input<typeof schema>) => (env[key] === "" ? undefined : env[key]);
  const parsed = schema.parse({
    AUTH_SESSION_MAX_AGE_MIN: pick("AUTH_SESSION_MAX_AGE_MIN"),
    AUTH_IDLE_TIMEOUT_MIN: pick("AUTH_IDLE_TIMEOUT_MIN"),
    AUTH_THROTTLE_WINDOW_MIN: pick("AUTH_THROTTLE_WINDOW_MIN"),
    AUTH_MAX_FAILURES_PER_ACCOUNT: pick("AUTH_MAX_FAILURES_PER_ACCOUNT"),
    AUTH_MAX_FAILURES_PER_IP: pick("AUTH_MAX_FAILURES_PER_IP"),
  });
  return {
    maxAgeMs: parsed.AUTH_SESSION_MAX_AGE_MIN * 60_000,
    idleMs: parsed.AUTH_IDLE_TIMEOUT_MIN * 60_000,
    throttleWindowMs: parsed.AUTH_THROTTLE_WINDOW_MIN * 60_000,
    maxFailuresPerAccount: parsed.AUTH_MAX_FAILURES_PER_ACCOUNT,
    maxFailuresPerIp: parsed.AUTH_MAX_FAILURES_PER_IP,
  };
}
