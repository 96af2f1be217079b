import { RateLimiterPostgres } from "rate-limiter-flexible";
import { pool } from "./pool";

// Counters of rate-limiter-flexible (sign-in throttling, API fair use), all
// in the one `rate_limits` table that the migrations make, so every app
// process shares them. Each limiter names its keys with its own prefix.

let sweeping = false;

/** A limiter of `points` per `durationSeconds` for each key. */
export function postgresLimiter(keyPrefix: string, points: number, durationSeconds: number): RateLimiterPostgres {
  // One limiter per process deletes long-expired rows every few minutes; more would only repeat it.
  const clearExpiredByTimeout = !sweeping;
  sweeping = true;
  return new RateLimiterPostgres({
    storeClient: pool,
    tableName: "rate_limits",
    tableCreated: true,
    keyPrefix,
    points,
    duration: durationSeconds,
    clearExpiredByTimeout,
  });
}
