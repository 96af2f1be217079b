import type pg from "pg";
import { callRowsSql, ROLLUPS, storedSums } from "@/lib/rollups/deltas";

// Tracker hits for the bench's calls, as the pipeline would keep them: the
// starter "Pricing" tracker on every call whose summary mentions pricing (a
// common tracker, about one call in ten), and a rare tracker on the calls
// mentioning a zeppelin (one in 10,000), with the daily tracker rollup.

export async function fillTrackerHits(client: pg.Client): Promise<{ common: string; rare: string }> {
  const { rows: existing } = await client.query<{ id: string; name: string }>(`SELECT id, name FROM trackers WHERE name IN ('Pricing', 'Bench zeppelin')`);
  let common = existing.find((t) => t.name === "Pricing")?.id;
  let rare = existing.find((t) => t.name === "Bench zeppelin")?.id;
  common ??= (
    await client.query<{ id: string }>(
      `INSERT INTO trackers (id, name, phrases, updated_at) VALUES (gen_random_uuid(), 'Pricing', '[{"text":"pricing","stem":true}]', now()) RETURNING id`,
    )
  ).rows[0].id;
  rare ??= (
    await client.query<{ id: string }>(
      `INSERT INTO trackers (id, name, phrases, updated_at) VALUES (gen_random_uuid(), 'Bench zeppelin', '[{"text":"zeppelin","stem":false}]', now()) RETURNING id`,
    )
  ).rows[0].id;
  const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM call_tracker_hits`);
  if (Number(rows[0].n) > 0) return { common, rare };

  console.log("Filling tracker hits (once)...");
  for (const [id, word] of [
    [common, "pricing"],
    [rare, "zeppelin"],
  ] as const) {
    await client.query(
      `INSERT INTO call_tracker_hits (call_id, tracker_id, hits, hit_count, started_at)
       SELECT id, $1, jsonb_build_array(jsonb_build_object('turn', 0, 'atMs', 0, 'text', summary)), 1, started_at
       FROM calls WHERE summary LIKE '%' || $2 || '%'`,
      [id, word],
    );
  }
  const rollup = ROLLUPS.find((r) => r.table === "daily_tracker_stats")!;
  const keys = ["day", ...rollup.columns];
  const measures = rollup.measures.map((m) => m.column);
  await client.query(`TRUNCATE daily_tracker_stats`);
  await client.query(`
    INSERT INTO daily_tracker_stats (${keys.join(", ")}, ${measures.join(", ")})
    SELECT ${keys.map((k) => `m.${k}`).join(", ")}, ${storedSums(rollup, "m")}
    FROM (${callRowsSql(rollup, "(started_at AT TIME ZONE 'UTC')::date", "NOT is_test")}) AS m (${keys.join(", ")}, ${measures.join(", ")})
    GROUP BY ${keys.map((_, i) => i + 1).join(", ")}`);
  await client.query("VACUUM ANALYZE call_tracker_hits, daily_tracker_stats");
  return { common, rare };
}
