import { db } from "@/lib/db/client";
import { readTimeZone, timeZoneSchema } from "@/lib/settings/time-zone";

// A user's own time zone (Account page): their digests arrive at their local
// hour and alert times read in it. Null means the organisation's.

export async function userTimeZone(userId: string): Promise<string> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { timeZone: true } });
  const own = timeZoneSchema.safeParse(user?.timeZone);
  return own.success ? own.data : readTimeZone();
}

/** Sets the user's own zone, or clears it (null: the organisation's); the saved value before and after. */
export async function saveUserTimeZone(userId: string, zone: string | null): Promise<{ before: string | null; after: string | null }> {
  const before = await db.user.findUnique({ where: { id: userId }, select: { timeZone: true } });
  await db.user.update({ where: { id: userId }, data: { timeZone: zone } });
  return { before: before?.timeZone ?? null, after: zone };
}
