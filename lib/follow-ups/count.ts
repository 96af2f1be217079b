import { db, Prisma } from "@/lib/db/client";
import { DUE, NEEDS, NEWEST_OF_CONTACT } from "./sql";

/** Open follow-ups whose due time has come (the header's badge). */
export async function countDueFollowUps(now: Date = new Date()): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>(
    Prisma.sql`SELECT count(*)::int AS count FROM calls c WHERE ${NEEDS} AND ${NEWEST_OF_CONTACT} AND ${DUE} <= ${now}::timestamptz`,
  );
  return row?.count ?? 0;
}
