"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

export function MarkHandled({ callId, handled }: { callId: string; handled: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  // Never rejects: a failure to reach the server or to save is shown as the error.
  async function toggle() {
    setError(null);
    const res = await fetch(`/api/calls/${callId}/handled`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ handled: !handled }),
    }).catch(() => null);
    if (!res) {
      setError("The server could not be reached; try again.");
      return;
    }
    if (!res.ok) {
      setError(((await res.json().catch(() => null)) as { detail?: string } | null)?.detail ?? "Could not save; try again.");
      return;
    }
    startTransition(() => router.refresh());
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant={handled ? "secondary" : "primary"} onClick={() => void toggle()} disabled={pending}>
        {handled ? "Back to hot leads" : pending ? "Saving…" : "Mark handled"}
      </Button>
      {error && (
        <p role="status" className="text-xs text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}
