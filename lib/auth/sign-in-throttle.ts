import ipaddr from "ipaddr.js";
import type { RateLimiterRes } from "rate-limiter-flexible";
import { postgresLimiter } from "@/lib/db/rate-limits";

// Password guessing is slowed three ways: per account across all addresses
// (5 tries a minute), per account from one address (5), and per address
// across all accounts (20, as an office shares one). When tries run out the
// key is locked, longer each time (1, 2, 4, 8, then 15 minutes at most) until
// the account signs in or a day passes. Counters live in Postgres
// (rate-limiter-flexible), so every app process shares them.
//
// Attempts are counted before the password is checked, so a burst of parallel
// guesses gets no more tries than a patient one; an attempt that turns out not
// to be a password check (a forged request without a valid CSRF token) gets
// its count back. So that a stranger cannot lock someone out of their own
// account, the account-wide limit does not apply from an address that has
// signed in to that account before: there, only its own limits hold.

const LOCK_CAP_SECONDS = 15 * 60;
const KNOWN_FOR_SECONDS = 30 * 24 * 60 * 60;
const baseLockSeconds = () => Number(process.env.SIGN_IN_LOCK_SECONDS ?? 60);

const perMinute = {
  account: postgresLimiter("sign-in:account", 5, 60),
  pair: postgresLimiter("sign-in:pair", 5, 60),
  address: postgresLimiter("sign-in:address", 20, 60),
};
const locks = postgresLimiter("sign-in:locks", 1_000, 24 * 60 * 60);
const knownAddresses = postgresLimiter("sign-in:known", 1, KNOWN_FOR_SECONDS);

type Kind = keyof typeof perMinute;

export const accountKey = (email: string) => email.trim().toLowerCase();

/** IPv6 clients usually hold a whole /64: counting each address apart would let one client rotate through them. */
export function addressKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  return `${(parsed as ipaddr.IPv6).parts
    .slice(0, 4)
    .map((p) => p.toString(16))
    .join(":")}::/64`;
}

export interface SignInAttempt {
  /** 0 when the attempt may go ahead, else the seconds to wait. */
  wait: number;
  /** The password was wrong: keys whose tries ran out are locked. */
  failed(): Promise<void>;
  /** The password was right: the account starts afresh, and this address is known to it. */
  succeeded(): Promise<void>;
  /** It was no password check after all: the counts are given back. */
  void(): Promise<void>;
}

export async function beginSignIn(email: string, address: string): Promise<SignInAttempt> {
  const account = accountKey(email);
  const client = addressKey(address);
  const pair = `${account}|${client}`;
  const known = (await knownAddresses.get(pair)) !== null;
  const keys: Array<[Kind, string]> = [["pair", pair], ["address", client], ...(known ? [] : [["account", account] as [Kind, string]])];

  const counts: RateLimiterRes[] = [];
  for (const [kind, key] of keys) counts.push(await perMinute[kind].penalty(key, 1));
  const wait = Math.max(
    0,
    ...counts.map((res, i) => (res.consumedPoints > perMinute[keys[i][0]].points ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0)),
  );

  return {
    wait,
    async failed() {
      for (const [i, [kind, key]] of keys.entries()) {
        // This attempt used the last try of its minute: the key is locked.
        if (counts[i].consumedPoints < perMinute[kind].points) continue;
        const lockNumber = (await locks.penalty(`${kind}:${key}`, 1)).consumedPoints;
        await perMinute[kind].block(key, Math.min(LOCK_CAP_SECONDS, baseLockSeconds() * 2 ** (lockNumber - 1)));
      }
    },
    async succeeded() {
      await Promise.all([
        ...(["account", "pair"] as const).flatMap((kind) => {
          const key = kind === "account" ? account : pair;
          return [perMinute[kind].delete(key), locks.delete(`${kind}:${key}`)];
        }),
        perMinute.address.reward(client, 1),
        knownAddresses.set(pair, 1, KNOWN_FOR_SECONDS),
      ]);
    },
    async void() {
      await Promise.all(keys.map(([kind, key]) => perMinute[kind].reward(key, 1)));
    },
  };
}

/** Clears an account's counters and locks: a new password set by whoever runs the server is the way back in. */
export async function forgetSignInFailures(email: string): Promise<void> {
  const account = accountKey(email);
  await Promise.all([perMinute.account.delete(account), locks.delete(`account:${account}`)]);
}
