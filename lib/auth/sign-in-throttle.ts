import { RateLimiterPostgres, type RateLimiterRes } from "rate-limiter-flexible";
import { pool } from "@/lib/db/pool";

// Password guessing is slowed per account and per client address: a few
// tries a minute, then locks that double each time (1, 2, 4, 8, then 15
// minutes at most) until the account signs in or a day passes. Counters live
// in Postgres (rate-limiter-flexible), so every app process shares them.
// Attempts are counted before the password is checked, so a burst of parallel
// guesses gets no more tries than a patient one.

const LOCK_CAP_SECONDS = 15 * 60;
const baseLockSeconds = () => Number(process.env.SIGN_IN_LOCK_SECONDS ?? 60);

const limiter = (keyPrefix: string, points: number, duration: number) =>
  new RateLimiterPostgres({ storeClient: pool, tableName: "rate_limits", tableCreated: true, keyPrefix, points, duration });

// An office behind one address shares it, so the address allows more than an account.
const perMinute = { account: limiter("sign-in:account", 5, 60), address: limiter("sign-in:address", 20, 60) };
const locks = limiter("sign-in:locks", 1_000, 24 * 60 * 60);

type Kind = keyof typeof perMinute;
const keysOf = (email: string, address: string): Array<[Kind, string]> => [
  ["account", email.trim().toLowerCase()],
  ["address", address],
];

const waitOf = (res: RateLimiterRes, points: number) => (res.consumedPoints > points ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0);

/** Counts an attempt; returns 0 when it may go ahead, else the seconds to wait. */
export async function admitSignIn(email: string, address: string): Promise<number> {
  let wait = 0;
  for (const [kind, key] of keysOf(email, address)) {
    const res = await perMinute[kind].penalty(key, 1);
    wait = Math.max(wait, waitOf(res, perMinute[kind].points));
  }
  return wait;
}

/** After a wrong password: an account or address that used up its tries is locked, longer each time. */
export async function signInFailed(email: string, address: string): Promise<void> {
  for (const [kind, key] of keysOf(email, address)) {
    const tries = await perMinute[kind].get(key);
    if (!tries || tries.consumedPoints < perMinute[kind].points) continue;
    const lockNumber = (await locks.penalty(`${kind}:${key}`, 1)).consumedPoints;
    await perMinute[kind].block(key, Math.min(LOCK_CAP_SECONDS, baseLockSeconds() * 2 ** (lockNumber - 1)));
  }
}

/** After a right password: the account starts afresh; the address gets its try back. */
export async function signInSucceeded(email: string, address: string): Promise<void> {
  const [[, account], [, client]] = keysOf(email, address);
  await Promise.all([perMinute.account.delete(account), locks.delete(`account:${account}`), perMinute.address.reward(client, 1)]);
}
