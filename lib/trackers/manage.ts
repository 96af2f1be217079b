import { db } from "@/lib/db/client";
import { inTransaction } from "@/lib/db/pool";
import { DomainError, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/api/ids";
import { MAX_TRACKERS, type TrackerSpeaker } from "./limits";
import type { TrackerPhrase } from "./match";
import type { TrackerChange, TrackerInput } from "./schemas";

// Creating, changing and deleting trackers (admins), and the list everyone
// sees with how many calls each one hit lately (from the daily rollup).

export interface TrackerView {
  id: string;
  name: string;
  phrases: TrackerPhrase[];
  speaker: TrackerSpeaker;
  points: number | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

type Row = Awaited<ReturnType<typeof db.tracker.findFirstOrThrow>>;

export const view = (t: Row): TrackerView => ({
  id: t.id,
  name: t.name,
  phrases: t.phrases as unknown as TrackerPhrase[],
  speaker: t.speaker as TrackerSpeaker,
  points: t.points,
  enabled: t.enabled,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

const RECENT_DAYS = 30;

/** Every tracker by name, with the calls it hit over the last 30 days. */
export async function listTrackers(): Promise<(TrackerView & { callsLast30Days: number })[]> {
  const [trackers, counts] = await Promise.all([
    db.tracker.findMany({ orderBy: { name: "asc" } }),
    db.$queryRaw<{ tracker_id: string; calls: bigint }[]>`
      SELECT tracker_id, sum(calls)::bigint AS calls FROM daily_tracker_stats
      WHERE day > current_date - ${RECENT_DAYS}::int GROUP BY tracker_id`,
  ]);
  const byId = new Map(counts.map((c) => [c.tracker_id, Number(c.calls)]));
  return trackers.map((t) => ({ ...view(t), callsLast30Days: byId.get(t.id) ?? 0 }));
}

const nameTaken = (name: string) => new DomainError("conflict", "Name taken", `A tracker named "${name}" exists already.`);
const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === "P2002";

export async function findTracker(id: string): Promise<Row> {
  const tracker = isUuid(id) ? await db.tracker.findUnique({ where: { id } }) : null;
  if (!tracker) throw notFound("tracker", id);
  return tracker;
}

export async function createTracker(input: TrackerInput): Promise<Row> {
  if ((await db.tracker.count()) >= MAX_TRACKERS)
    throw new DomainError("conflict", "Too many trackers", `At most ${MAX_TRACKERS} trackers can be kept: delete one first.`);
  try {
    return await db.tracker.create({ data: input });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken(input.name);
    throw e;
  }
}

export async function updateTracker(id: string, change: TrackerChange): Promise<{ before: Row; after: Row }> {
  const before = await findTracker(id);
  try {
    const { phrases, ...rest } = change;
    const after = await db.tracker.update({
      where: { id },
      data: { ...rest, ...(phrases ? { phrases } : {}) },
    });
    return { before, after };
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken(change.name ?? "");
    if ((e as { code?: string }).code === "P2025") throw notFound("tracker", id);
    throw e;
  }
}

/** Deletes the tracker, its hits (by cascade) and its rollup rows together. */
export async function deleteTracker(id: string): Promise<Row> {
  const tracker = await findTracker(id);
  const deleted = await inTransaction(async (client) => {
    const { rowCount } = await client.query(`DELETE FROM trackers WHERE id = $1`, [id]);
    await client.query(`DELETE FROM daily_tracker_stats WHERE tracker_id = $1`, [id]);
    return rowCount ?? 0;
  });
  if (!deleted) throw notFound("tracker", id);
  return tracker;
}
