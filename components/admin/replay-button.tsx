"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ReplayOutcome } from "@/lib/inbox/events";
import { replay } from "./replay";
import { ReplayOutcomeView } from "./replay-outcome";

/** Replays one event and shows what became of it. */
export function ReplayButton({ id }: { id: string }) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<ReplayOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setOutcome((await replay([id])).get(id) ?? null);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button onClick={run} disabled={busy}>
        {busy ? "Replaying…" : "Replay through the current adapter"}
      </Button>
      {outcome && <ReplayOutcomeView outcome={outcome} />}
      {error && (
        <span role="alert" className="text-sm text-rose-700">
          {error}
        </span>
      )}
    </div>
  );
}
