import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { ReplayOutcome } from "@/lib/inbox/events";
import { OUTCOME_TEXT } from "./replay";

/** What a replay did to one event: a badge, the call it made, or why it failed. */
export function ReplayOutcomeView({ outcome }: { outcome: ReplayOutcome }) {
  const tone = outcome.result === "stored" ? "green" : outcome.result === "failed" || outcome.result === "rejected" ? "red" : "gray";
  return (
    <span className="inline-flex flex-wrap items-center gap-1 text-xs" data-testid="replay-outcome">
      <Badge tone={tone}>{OUTCOME_TEXT[outcome.result]}</Badge>
      {outcome.callId && (
        <Link href={`/calls/${outcome.callId}`} className="text-indigo-700 hover:underline">
          open call
        </Link>
      )}
      {outcome.error && <span className="text-rose-700">{outcome.error}</span>}
    </span>
  );
}
