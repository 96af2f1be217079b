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
}

/**
 * The signed-in user, read again from the database; null when signed out or
 * deactivated. Cached per request: layouts and the page all ask.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, active: true } });
  return user?.active ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
});

/** For pages: the viewer, or a redirect to sign-in (or home, when the role is not enough). */
export async function requireViewer(role: Role = "manager", returnTo = "/"): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (role === "admin" && viewer.role !== "admin") redirect("/?denied=admin");
  return viewer;
}
