import { db } from "@/lib/db/client";
import { readTimeZone, timeZoneSchema } from "@/lib/settings/time-zone";

// A user's own time zone (Account page): their digests arrive at their local
// hour and alert times read in it. Null means the organisation's.

export async function userTimeZone(userId: string): Promise<string> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { timeZone: true } });
  const own = timeZoneSchema.safeParse(user?.timeZone);
  return own.success ? own.data : readTimeZone();
}
