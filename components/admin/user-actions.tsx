"use client";

import { useState } from "react";
import { adminFetch } from "./admin-fetch";
import { OneTimeSecret } from "./one-time-secret";
import { ActionError, useAction } from "./use-action";

/** A user's role, active state and password reset, changed in place. */
export function UserActions({ id, email, role, active }: { id: string; email: string; role: "admin" | "manager"; active: boolean }) {
  const [password, setPassword] = useState<string | null>(null);
  const { run, error } = useAction(async (work: () => Promise<void>) => work());

  const change = (body: object) =>
    run(async () => {
      await adminFetch(`/api/users/${id}`, "PATCH", body);
    });
  const reset = () =>
    run(async () => {
      if (!confirm(`Give ${email} a new password? The current one stops working.`)) return;
      setPassword((await adminFetch<{ password: string }>(`/api/users/${id}/password`, "POST")).password);
    });

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <select aria-label={`Role of ${email}`} value={role} onChange={(e) => void change({ role: e.target.value })} className="input py-1 text-xs">
          <option value="manager">Manager</option>
          <option value="admin">Admin</option>
        </select>
        <button type="button" onClick={() => void change({ active: !active })} className="rounded-md px-2 py-1 text-xs text-slate-700 hover:bg-slate-100">
          {active ? "Deactivate" : "Reactivate"}
        </button>
        <button type="button" onClick={() => void reset()} className="rounded-md px-2 py-1 text-xs text-slate-700 hover:bg-slate-100">
          New password
        </button>
      </div>
      <ActionError error={error} small />
      {password && (
        <OneTimeSecret
          label={`New password for ${email}`}
          value={password}
          note="Shown once: pass it on now. They choose their own password when they first sign in with it."
        />
      )}
    </div>
  );
}
