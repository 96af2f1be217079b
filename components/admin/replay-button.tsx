"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ReplayOutcome } from "@/lib/inbox/events";
import { replay } from "./replay";
import { ReplayOutcomeView } from "./replay-outcome";
import { ActionError, useAction } from "./use-action";

/** Replays one event and shows what became of it. */
export function ReplayButton({ id }: { id: string }) {
  const [outcome, setOutcome] = useState<ReplayOutcome | null>(null);
  const { run, busy, error } = useAction(async () => {
    setOutcome((await replay([id])).get(id) ?? null);
  });
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button onClick={() => void run()} disabled={busy}>
        {busy ? "Replaying…" : "Replay through the current adapter"}
      </Button>
      {outcome && <ReplayOutcomeView outcome={outcome} />}
      <ActionError error={error} />
    </div>
  );
}
