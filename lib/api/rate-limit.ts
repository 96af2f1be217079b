import { RateLimiterRes, type RateLimiterPostgres } from "rate-limiter-flexible";
import { postgresLimiter } from "@/lib/db/rate-limits";
import type { Principal } from "./route";

// Fair use of the read API: each API key may make API_RATE_LIMIT requests a
// minute (600 by default), and each key or person EXPORT_RATE_LIMIT CSV
// exports an hour (20), the heaviest thing the API does. Counters live in
// Postgres, shared by every app process. Answers say how much is left
// (RateLimit-* headers), and a refusal when to come back (Retry-After).

export type Limit = "read" | "export";

let limiters: Record<Limit, RateLimiterPostgres> | undefined;
const limiterFor = (limit: Limit) =>
  (limiters ??= {
    read: postgresLimiter("api:read", Number(process.env.API_RATE_LIMIT ?? 600), 60),
    export: postgresLimiter("api:export", Number(process.env.EXPORT_RATE_LIMIT ?? 20), 60 * 60),
  })[limit];

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

/** Counts a request against the principal's limit. People reading through the dashboard are not limited, API keys are; exports are limited for both. */
export async function takeRate(limit: Limit, principal: Principal): Promise<RateDecision | null> {
  if (principal.kind === "cron" || (limit === "read" && principal.kind !== "apiKey")) return null;
  const rl = limiterFor(limit);
  const key = `${principal.kind}:${principal.id}`;
  const res = await rl.consume(key).catch((e: unknown) => {
    if (e instanceof RateLimiterRes) return e;
    throw e;
  });
  const reset = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  const headers = { "ratelimit-limit": String(rl.points), "ratelimit-remaining": String(res.remainingPoints), "ratelimit-reset": String(reset) };
  const allowed = res.consumedPoints <= rl.points;
  return { allowed, headers: allowed ? headers : { ...headers, "retry-after": String(reset) } };
}
