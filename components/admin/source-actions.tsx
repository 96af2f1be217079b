"use client";

import Link from "next/link";
import { useState } from "react";
import { adminFetch } from "./admin-fetch";
import { ConnectResult, TestEventButton, type Connection } from "./connect-result";
import { ActionError, useAction } from "./use-action";

const small = "rounded-md px-2 py-1 text-xs hover:bg-slate-100";

/** Per-source actions: settings, test event, secret rotation, enable/disable, delete. */
export function SourceActions({ slug, name, enabled, polled }: { slug: string; name: string; enabled: boolean; polled: boolean }) {
  const [rotated, setRotated] = useState<Connection | null>(null);
  const { run, busy, error } = useAction(async (work: () => Promise<void>) => work());

  const rotate = () =>
    run(async () => {
      if (!confirm(`Make a new secret for ${name}? The current one keeps working for 24 hours.`)) return;
      setRotated(await adminFetch<Connection>(`/api/sources/${slug}/rotate-secret`, "POST", {}));
    });
  const toggle = () =>
    run(async () => {
      await adminFetch(`/api/sources/${slug}`, "PATCH", { enabled: !enabled });
    });
  const remove = () =>
    run(async () => {
      if (!confirm(`Delete ${name}? This cannot be undone.`)) return;
      await adminFetch(`/api/sources/${slug}`, "DELETE");
    });

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-1">
        <Link href={`/admin/sources/${slug}`} className={`${small} text-indigo-700`}>
          Settings
        </Link>
        {enabled && <TestEventButton slug={slug} small />}
        {!polled && (
          <button type="button" disabled={busy} onClick={() => void rotate()} className={`${small} text-slate-700`}>
            Rotate secret
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void toggle()} className={`${small} text-slate-700`}>
          {enabled ? "Disable" : "Enable"}
        </button>
        <button type="button" disabled={busy} onClick={() => void remove()} className={`${small} text-rose-700 hover:bg-rose-50`}>
          Delete
        </button>
      </div>
      <ActionError error={error} small />
      {rotated && <ConnectResult connection={rotated} title="New secret: update the vendor's console." />}
    </div>
  );
}
