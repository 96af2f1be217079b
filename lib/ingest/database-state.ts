// Whether webhooks should skip the database for now. After a failed write the
// next second's requests go straight to the spool instead of each waiting for
// its own failure; then one request tries again. This keeps answers fast while
// the database is away, and lets the drainer know when it is back.

const RETRY_AFTER_MS = 1000;

const state = ((globalThis as unknown as { ingestDatabase?: { skipUntil: number } }).ingestDatabase ??= { skipUntil: 0 });

export const skippingDatabase = (now = Date.now()) => now < state.skipUntil;

export function databaseFailed(now = Date.now()) {
  state.skipUntil = now + RETRY_AFTER_MS;
}

export function databaseAnswered() {
  state.skipUntil = 0;
}
