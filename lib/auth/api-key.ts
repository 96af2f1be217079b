import { db } from "@/lib/db/client";
import { newSecret, sha256 } from "@/lib/security/secrets";

export const API_KEY_PREFIX = "ck_";

/** Creates a key (made by `userId`, if a person made it); the plain key is returned once and only its hash is kept. */
export async function createApiKey(name: string, { plainKey = newSecret(API_KEY_PREFIX), userId }: { plainKey?: string; userId?: string } = {}) {
  const key = await db.apiKey.create({
    data: { name, prefix: plainKey.slice(0, 8), keyHash: sha256(plainKey), userId },
    select: { id: true, name: true, prefix: true },
  });
  return { ...key, plainKey };
}

/** The key behind "Authorization: Bearer ck_…", or null. */
export async function findApiKey(authorization: string | null): Promise<{ id: string; name: string } | null> {
  if (!authorization?.toLowerCase().startsWith("bearer ")) return null;
  const presented = authorization.slice(7).trim();
  if (!presented) return null;
  // The lookup is by a hash of the key, so timing reveals nothing about the key itself.
  const key = await db.apiKey.findUnique({ where: { keyHash: sha256(presented) }, select: { id: true, name: true, revokedAt: true } });
  if (!key || key.revokedAt) return null;
  // At most one write a minute per key, not one per request.
  void db.$executeRaw`UPDATE api_keys SET last_used_at = now()
    WHERE id = ${key.id}::uuid AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`.catch(() => {});
  return { id: key.id, name: key.name };
}
