import { db } from "@/lib/db/client";

/** Destinations the app turned off itself (a receiver gone, too many failures), with why: the overview warns admins. */
export function stoppedDestinations(): Promise<{ id: string; name: string; disabledReason: string | null }[]> {
  return db.destination.findMany({ where: { enabled: false, disabledReason: { not: null } }, select: { id: true, name: true, disabledReason: true } });
}
