import type { ReplayOutcome } from "@/lib/inbox/events";

// The browser's side of replaying raw events: one request, outcomes by id.

export async function replay(ids: string[]): Promise<Map<string, ReplayOutcome>> {
  const res = await fetch("/api/raw-events/replay", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ids }),
  });
  const json = (await res.json().catch(() => null)) as { outcomes?: ReplayOutcome[]; detail?: string } | null;
  if (!res.ok || !json?.outcomes) throw new Error(json?.detail ?? `Replay failed (${res.status}).`);
  return new Map(json.outcomes.map((o) => [o.id, o]));
}

export const OUTCOME_TEXT: Record<ReplayOutcome["result"], string> = {
  stored: "Stored",
  duplicate: "Same as stored",
  stale: "Older than stored",
  rejected: "Not JSON",
  failed: "Still cannot be mapped",
  not_found: "Gone",
};
