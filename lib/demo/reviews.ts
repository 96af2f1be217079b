import { pool } from "@/lib/db/pool";
import type { Outcome } from "@/lib/providers/values";
import { reviewCall } from "@/lib/reviews/review";

// A team that has been reviewing for a while: about one connected call in
// six reviewed, and the AI's outcome corrected more often for some vendors
// than others, so the Compare page's agreement figure and the Corrected view
// have something to say. Reviews go through the same code as the call page.

const CORRECTED_SHARE: Record<string, number> = { unpod: 0.1, cllr: 0.15, hooman: 0.35, autocalls: 0.2, hubtalk: 0.1 };

/** What a reviewer heard instead of what the AI said. */
const HEARD: Partial<Record<Outcome, Outcome>> = {
  interested: "callback_requested",
  meeting_scheduled: "interested",
  callback_requested: "interested",
  not_interested: "callback_requested",
  other: "not_interested",
};

/** Reviews demo calls saved since `since` (all of them by default); how many it reviewed. */
export async function seedDemoReviews(reviewerId: string, since = new Date(0)): Promise<number> {
  const { rows } = await pool.query<{ id: string; provider: string; ai_outcome: Outcome | null }>(
    `SELECT id, provider, ai_outcome FROM calls
     WHERE status = 'completed' AND NOT is_test AND started_at < now() - interval '1 day' AND created_at >= $1 ORDER BY id`,
    [since],
  );
  const seen = new Map<string, number>();
  let reviewed = 0;
  for (const [i, call] of rows.entries()) {
    if (i % 6 !== 0) continue;
    // The vendor's share of its reviewed calls is corrected, spread evenly: the n-th is when the share's running total, rounded, steps up.
    const n = seen.get(call.provider) ?? 0;
    seen.set(call.provider, n + 1);
    const share = CORRECTED_SHARE[call.provider] ?? 0.1;
    const heard = call.ai_outcome ? HEARD[call.ai_outcome] : undefined;
    const corrects = heard !== undefined && Math.round((n + 1) * share) > Math.round(n * share);
    await reviewCall(call.id, corrects ? { outcome: heard } : { reviewed: true }, reviewerId);
    reviewed++;
  }
  return reviewed;
}
