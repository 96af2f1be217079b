import { pool } from "@/lib/db/pool";

// The demo shows how a tracker's points raise a lead score and quote the
// customer's words: two starter trackers get points there (a fresh install
// otherwise ships them without, for the admins to choose).

const DEMO_POINTS: Record<string, number> = { "Next steps": 10, Pricing: 5 };

export async function giveDemoTrackersPoints(): Promise<void> {
  for (const [name, points] of Object.entries(DEMO_POINTS)) {
    await pool.query(`UPDATE trackers SET points = $2, updated_at = now() WHERE name = $1 AND points IS NULL`, [name, points]);
  }
}
