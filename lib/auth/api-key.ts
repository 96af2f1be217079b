import { DomainError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { newSecret, sha256 } from "@/lib/security/secrets";

export const API_KEY_PREFIX = "ck_";

/**
 * Creates a key (made by `userId`, if a person made it; until `expiresAt`, if
 * given); the plain key is returned once and only its hash is kept.
 */
export async function createApiKey(
  name: string,
  { plainKey = newSecret(API_KEY_PREFIX), userId, expiresAt }: { plainKey?: string; userId?: string; expiresAt?: Date | null } = {},
) {
  const key = await db.apiKey.create({
    data: { name, prefix: plainKey.slice(0, 8), keyHash: sha256(plainKey), userId, expiresAt },
    select: { id: true, name: true, prefix: true, expiresAt: true },
  });
  return { ...key, plainKey };
}

/** Whether a key works now, and if not, why. */
export type ApiKeyState = "active" | "revoked" | "expired" | "creator_deactivated";

/**
 * A key acts for the person who made it: when they may no longer sign in,
 * neither may their scripts. The bootstrap key has no creator.
 */
export function apiKeyState(key: { revokedAt: Date | null; expiresAt: Date | null; user: { active: boolean } | null }, now = Date.now()): ApiKeyState {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt.getTime() <= now) return "expired";
  if (key.user && !key.user.active) return "creator_deactivated";
  return "active";
}

/**
 * The key behind "Authorization: Bearer ck_…", or null when there is none.
 * A key that exists but has stopped working throws a 401 that says why, so
 * that whoever runs the script knows what to ask an admin for.
 */
export async function findApiKey(authorization: string | null): Promise<{ id: string; name: string } | null> {
  if (!authorization?.toLowerCase().startsWith("bearer ")) return null;
  const presented = authorization.slice(7).trim();
  if (!presented) return null;
  // The lookup is by a hash of the key, so timing reveals nothing about the key itself.
  const key = await db.apiKey.findUnique({
    where: { keyHash: sha256(presented) },
    select: { id: true, name: true, revokedAt: true, expiresAt: true, user: { select: { active: true } } },
  });
  if (!key) return null;
  const state = apiKeyState(key);
  switch (state) {
    case "revoked":
      return null;
    case "expired":
      throw new DomainError("unauthorized", "API key expired", `This API key expired at ${key.expiresAt!.toISOString()}; an admin can create a new one.`);
    case "creator_deactivated":
      throw new DomainError("unauthorized", "API key suspended", "The person who created this API key is deactivated; it works again if they are reactivated.");
    case "active":
      break;
    default:
      // A state added to apiKeyState must be decided here: until then it fails to compile, and refuses the key.
      throw new Error(`API key state ${JSON.stringify(state satisfies never)} is not handled`);
  }
  // At most one write a minute per key, not one per request.
  void db.$executeRaw`UPDATE api_keys SET last_used_at = now()
    WHERE id = ${key.id}::uuid AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`.catch(() => {});
  return { id: key.id, name: key.name };
}

/** The person a key acts for (who created it), or null for a key nobody made (the bootstrap key). */
export async function apiKeyUser(keyId: string): Promise<{ id: string; email: string; role: "admin" | "manager" } | null> {
  const key = await db.apiKey.findUnique({ where: { id: keyId }, select: { user: { select: { id: true, email: true, role: true } } } });
  return key?.user ?? null;
}
