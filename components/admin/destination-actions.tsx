"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { adminFetch } from "./admin-fetch";
import { DELIVERY_STATUS_TONE } from "./labels";
import { ActionError, useAction } from "./use-action";

interface DeliveryState {
  status: string;
  responseCode: number | null;
  responseExcerpt: string | null;
  attempts: number;
}

/** Sends a sample call and follows it until it has an outcome. */
export function SendTestButton({ id }: { id: string }) {
  const [result, setResult] = useState<DeliveryState | null>(null);
  const { run, busy, error } = useAction(async () => {
    setResult(null);
    const { deliveryId } = await adminFetch<{ deliveryId: string }>(`/api/destinations/${id}/test`, "POST");
    for (let i = 0; i < 60; i++) {
      const d = await adminFetch<DeliveryState>(`/api/deliveries/${deliveryId}`, "GET");
      setResult(d);
      if (d.status !== "pending") break;
      await new Promise((r) => setTimeout(r, 1000));
    }
  });
  return (
    <div className="space-y-1">
      <Button variant="secondary" onClick={() => void run()} disabled={busy}>
        {busy ? "Sending test…" : "Send test"}
      </Button>
      {result && (
        <p role="status" data-testid="test-result" className="text-sm text-slate-700">
          <Badge tone={DELIVERY_STATUS_TONE[result.status]}>
            {result.status === "pending" ? (result.attempts > 0 ? "retrying" : "sending") : result.status}
          </Badge>{" "}
          {result.responseCode !== null && `HTTP ${result.responseCode} `}
          {result.responseExcerpt && <span className="text-slate-500">{result.responseExcerpt}</span>}
        </p>
      )}
      <ActionError error={error} small />
    </div>
  );
}

export function DestinationToggles({ id, name, enabled }: { id: string; name: string; enabled: boolean }) {
  const router = useRouter();
  const toggle = useAction(async () => {
    await adminFetch(`/api/destinations/${id}`, "PATCH", { enabled: !enabled });
  });
  const remove = useAction(async () => {
    if (!window.confirm(`Delete ${name} and its delivery log?`)) return;
    await adminFetch(`/api/destinations/${id}`, "DELETE");
    router.push("/admin/destinations");
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="secondary" onClick={() => void toggle.run()} disabled={toggle.busy}>
        {enabled ? "Turn off" : "Turn on"}
      </Button>
      <Button variant="ghost" onClick={() => void remove.run()} disabled={remove.busy} className="text-rose-700">
        Delete
      </Button>
      <ActionError error={toggle.error ?? remove.error} small />
    </div>
  );
}

/** Sends one delivery again; the log refreshes to show it. */
export function ReplayDeliveryButton({ id }: { id: string }) {
  const router = useRouter();
  const [note, setNote] = useState<string | null>(null);
  const { run, busy, error } = useAction(async () => {
    const r = await adminFetch<{ sameKey: boolean }>(`/api/deliveries/${id}/replay`, "POST");
    setNote(r.sameKey ? "Queued again" : "Queued as a new delivery");
    setTimeout(() => router.refresh(), 1500);
  });
  return (
    <span className="inline-flex flex-col items-start">
      <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => void run()} disabled={busy}>
        Replay
      </Button>
      {note && <span className="text-xs text-slate-500">{note}</span>}
      <ActionError error={error} small />
    </span>
  );
}
