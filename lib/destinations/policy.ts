import type { SendResult } from "./types";

// What happens after an attempt, as a pure function of its result (tested in
// tests/unit/delivery-policy.test.ts). Waits grow exponentially with jitter, so
// that many deliveries failing together do not retry together; a receiver's
// Retry-After wins. A 410 means the receiver is gone for good; repeated
// failures across deliveries mean the destination is broken: both turn it off
// rather than keep sending into the void.

export const MAX_ATTEMPTS = 8;
/** Failed attempts in a row, across all of a destination's deliveries, before it is turned off. */
export const DISABLE_AFTER_FAILURES = 20;
const MAX_DELAY_SEC = 3600;

const base = () => Number(process.env.JOB_RETRY_BASE_SECONDS ?? 30);

export type Decision =
  { next: "delivered" | "skipped" } | { next: "retry"; delaySec: number; countsAsFailure: boolean } | { next: "failed"; disable: string | null };

/** A status worth trying again: no answer, timeouts, throttling and server errors. */
export const isRetryable = (status: number | null) => status === null || status === 408 || status === 425 || status === 429 || status >= 500;

/** base × 2^(attempt-1), capped, then between half and all of it. */
export function backoffSeconds(attempt: number, random = Math.random): number {
  const full = Math.min(MAX_DELAY_SEC, base() * 2 ** (attempt - 1));
  return Math.max(1, Math.round(full * (0.5 + random() / 2)));
}

/**
 * @param attempt the attempt just made (1 for the first)
 * @param failuresBefore the destination's failed attempts in a row before this one
 */
export function decide(result: SendResult, attempt: number, failuresBefore: number, random = Math.random): Decision {
  if (result.ok) return { next: result.skipped ? "skipped" : "delivered" };
  if (result.status === 410) return { next: "failed", disable: "The receiver answered 410 Gone: it no longer accepts deliveries." };
  // Throttling is the receiver working as intended, not a sign it is broken.
  const countsAsFailure = result.status !== 429;
  const failures = failuresBefore + (countsAsFailure ? 1 : 0);
  const disable = failures >= DISABLE_AFTER_FAILURES ? `${failures} failed attempts in a row; the last answer: ${describe(result)}` : null;
  if (disable || result.permanent || !isRetryable(result.status) || attempt >= MAX_ATTEMPTS) return { next: "failed", disable };
  const delaySec = result.retryAfterSec !== undefined ? Math.min(MAX_DELAY_SEC, Math.max(1, result.retryAfterSec)) : backoffSeconds(attempt, random);
  return { next: "retry", delaySec, countsAsFailure };
}

export const describe = (result: SendResult) => (result.status === null ? result.excerpt : `HTTP ${result.status}`);
