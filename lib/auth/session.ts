import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { authOptions } from "./options";

export type Role = "admin" | "manager";
export interface Viewer {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  /** Signed in with a password an admin set: to be replaced before anything else. */
  mustChangePassword: boolean;
}

/**
 * The signed-in user, read again from the database; null when signed out,
 * deactivated, or when the session was issued before the user's sessions were
 * ended (new password, role change, deactivation, "sign out everywhere").
 * Cached per request: layouts and the page all ask.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions);
  const claims = session?.user as { id?: string; sv?: number } | undefined;
  if (!claims?.id) return null;
  const user = await db.user.findUnique({
    where: { id: claims.id },
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true, mustChangePassword: true },
  });
  if (!user?.active || user.sessionVersion !== (claims.sv ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, mustChangePassword: user.mustChangePassword };
});

/**
 * For pages: the viewer, or a redirect to sign-in (or home, when the role is
 * not enough; or to choosing a password, when an admin set the current one).
 */
export async function requireViewer(role: Role = "manager", returnTo = "/"): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (viewer.mustChangePassword) redirect(`/account?first=1&callbackUrl=${encodeURIComponent(returnTo)}`);
  if (role === "admin" && viewer.role !== "admin") redirect("/?denied=admin");
  return viewer;
}
