import { queueCallDeliveries, queueCallUpdates } from "@/lib/destinations/queue";
import { logger } from "@/lib/log";
import type { ReviewResult } from "./review";

// Forwarding uses the corrected values from now on: a call a correction makes
// match a destination's rules (now hot, say) is sent there once, like any
// call; a destination that received it already hears again only where its
// rules ask for updates. Queueing must not fail the correction, which is saved.

export async function forwardCorrection(callId: string, facts: ReviewResult["facts"]): Promise<void> {
  try {
    await queueCallDeliveries(callId, facts);
    await queueCallUpdates(callId, facts, String(Date.now()));
  } catch (err) {
    logger.warn({ callId, err: (err as Error).message }, "could not queue the corrected call's deliveries");
  }
}
