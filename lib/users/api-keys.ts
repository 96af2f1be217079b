import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { apiKeyState, createApiKey } from "@/lib/auth/api-key";

// Keys for the read API: created by an admin (the key is shown once, only its
// hash is kept), named, with an optional expiry and when each was last used,
// and revoked for good. A key stops while the person who made it is deactivated.

const keySelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  user: { select: { email: true, active: true } },
} as const;

export async function listApiKeys() {
  const keys = await db.apiKey.findMany({ orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }], select: keySelect });
  const now = Date.now();
  return keys.map((k) => ({ ...k, state: apiKeyState(k, now) }));
}
export type ApiKeyView = Awaited<ReturnType<typeof listApiKeys>>[number];

export const issueApiKey = (name: string, userId: string | undefined, expiresAt: Date | null) => createApiKey(name, { userId, expiresAt });

export async function revokeApiKey(id: string) {
  const key = await db.apiKey.findUnique({ where: { id }, select: { id: true, name: true, revokedAt: true } });
  if (!key) throw new DomainError("not_found", "Not found", `No API key has the id "${id}".`);
  if (key.revokedAt) return key;
  return db.apiKey.update({ where: { id }, data: { revokedAt: new Date() }, select: { id: true, name: true, revokedAt: true } });
}
