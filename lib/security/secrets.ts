import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Webhook secrets and API keys are long random strings, so a SHA-256 of them
// is safe to store (unlike passwords, which get argon2 in lib/auth).

export function sha256(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

/** Compares a presented secret to a stored hash in constant time. */
export function secretMatches(presented: string, storedHash: string): boolean {
  const a = createHash("sha256").update(presented, "utf8").digest();
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A new random secret, e.g. "whsec_…" or "ck_…". */
export function newSecret(prefix: string, bytes = 24): string {
  return `${prefix}${randomBytes(bytes).toString("base64url")}`;
}
