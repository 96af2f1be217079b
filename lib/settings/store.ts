import { db, type Prisma } from "@/lib/db/client";

// The settings table holds one JSON value per key (scoring, agent names, the
// time zone, progress of background work). Each feature reads its own key
// through its schema; writing is the same for all.

/** Saves `value` under `key`, replacing what was there. */
export async function saveSetting(key: string, value: Prisma.InputJsonValue): Promise<void> {
  await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
}
