import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/api/problem";
import { createApiKey } from "@/lib/auth/api-key";

// Keys for the read API: created by an admin (the key is shown once, only its
// hash is kept), named, with when each was last used, and revoked for good.

const keySelect = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, user: { select: { email: true } } } as const;

export function listApiKeys() {
  return db.apiKey.findMany({ orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }], select: keySelect });
}

export const issueApiKey = (name: string, userId?: string) => createApiKey(name, { userId });

export async function revokeApiKey(id: string) {
  const key = await db.apiKey.findUnique({ where: { id }, select: { id: true, name: true, revokedAt: true } });
  if (!key) throw new HttpError(404, "Not found", `No API key has the id "${id}".`);
  if (key.revokedAt) return key;
  return db.apiKey.update({ where: { id }, data: { revokedAt: new Date() }, select: { id: true, name: true, revokedAt: true } });
}
