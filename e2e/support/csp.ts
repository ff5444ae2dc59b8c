import { expect, type BrowserContext } from "@playwright/test";

/** One `securitypolicyviolation` event, as the page reported it. */
export interface CspViolation {
  directive: string;
  blocked: string;
  /** The first characters of a blocked inline script or style ('report-sample' in the policy). */
  sample: string;
  page: string;
}

const recorded = new WeakMap<BrowserContext, CspViolation[]>();
const BINDING = "__e2eCspViolation";

/**
 * Records every CSP violation in the context's pages: a listener added before any page script runs
 * (init scripts are not subject to the page's CSP) hands each event to the test process. The fixtures
 * call this for every context the specs use, and `expectNoCspViolations` fails the test after it ran.
 */
export async function watchCsp(context: BrowserContext): Promise<void> {
  if (recorded.has(context)) return;
  const violations: CspViolation[] = [];
  recorded.set(context, violations);
  await context.exposeBinding(BINDING, (_source, violation: CspViolation) => void violations.push(violation));
  await context.addInitScript((binding) => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as Record<string, (v: unknown) => Promise<void>>)[binding];
      void report?.({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample, page: document.URL }).catch(() => {});
    });
  }, BINDING);
}

/** The violations recorded so far (the live list). */
export function cspViolations(context: BrowserContext): readonly CspViolation[] {
  return recorded.get(context) ?? [];
}

/** The violations recorded so far, removed from the record: for a test that causes one on purpose. */
export function takeCspViolations(context: BrowserContext): CspViolation[] {
  return recorded.get(context)?.splice(0) ?? [];
}

export function expectNoCspViolations(context: BrowserContext): void {
  const violations = recorded.get(context);
  if (violations) expect(violations, "Content-Security-Policy violations in the browser").toEqual([]);
}
