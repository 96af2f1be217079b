import type { ReplayOutcome } from "@/lib/inbox/events";
import { adminFetch } from "./admin-fetch";

// The browser's side of replaying raw events: one request, outcomes by id.

export async function replay(ids: string[]): Promise<Map<string, ReplayOutcome>> {
  const { outcomes } = await adminFetch<{ outcomes: ReplayOutcome[] }>("/api/raw-events/replay", "POST", { ids });
  return new Map(outcomes.map((o) => [o.id, o]));
}

export const OUTCOME_TEXT: Record<ReplayOutcome["result"], string> = {
  stored: "Stored",
  duplicate: "Same as stored",
  stale: "Older than stored",
  rejected: "Not JSON",
  failed: "Still cannot be mapped",
  not_found: "Gone",
};
