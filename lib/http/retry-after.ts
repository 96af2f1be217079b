const DEFAULT_RETRY_AFTER_MS = 60_000;

/** Milliseconds to wait, from a Retry-After header (seconds or an HTTP date); a minute when it says nothing usable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number {
  if (!value) return DEFAULT_RETRY_AFTER_MS;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, at - now);
}
