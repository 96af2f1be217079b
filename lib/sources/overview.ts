import { db } from "@/lib/db/client";

export interface SourceOverview {
  id: string;
  slug: string;
  name: string;
  provider: string;
  enabled: boolean;
  lastEventAt: Date | null;
  last24h: Record<string, number>;
}

/** Each source with its last delivery and its events of the last 24 hours by status. */
export async function listSourceOverview(): Promise<SourceOverview[]> {
  const [sources, counts] = await Promise.all([
    db.$queryRaw<Omit<SourceOverview, "last24h">[]>`
      SELECT s.id, s.slug, s.name, s.provider, s.enabled,
             (SELECT max(received_at) FROM raw_events e WHERE e.source_id = s.id) AS "lastEventAt"
      FROM sources s ORDER BY s.name`,
    db.$queryRaw<{ source_id: string; status: string; n: number }[]>`
      SELECT source_id, status::text, count(*)::int AS n FROM raw_events
      WHERE received_at > now() - interval '24 hours' GROUP BY 1, 2`,
  ]);
  return sources.map((s) => ({
    ...s,
    last24h: Object.fromEntries(counts.filter((c) => c.source_id === s.id).map((c) => [c.status, c.n])),
  }));
}
