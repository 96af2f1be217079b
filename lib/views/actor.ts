import { apiKeyUser } from "@/lib/auth/api-key";
import type { Principal } from "@/lib/api/route";

// Who is asking for views: a person signed in, or an API key acting as the
// person who created it. A key nobody created (the bootstrap key) owns
// nothing: it reads the team's shared views and cannot save any.

export interface ViewActor {
  /** null: an API key with no person behind it. */
  userId: string | null;
  admin: boolean;
}

export async function viewActor(principal: Principal): Promise<ViewActor> {
  if (principal.kind === "user") return { userId: principal.id, admin: principal.role === "admin" };
  if (principal.kind !== "apiKey") return { userId: null, admin: false };
  const user = await apiKeyUser(principal.id);
  return { userId: user?.id ?? null, admin: user?.role === "admin" };
}
