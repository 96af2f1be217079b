"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { adminFetch } from "./admin-fetch";
import { OneTimeSecret } from "./one-time-secret";
import { ActionError, useAction } from "./use-action";

const EXPIRY_DAYS = [30, 90, 365];

/** Creates a read-API key, for good or for a number of days; the key is shown once. */
export function NewApiKeyForm() {
  const [key, setKey] = useState<{ name: string; key: string } | null>(null);
  const {
    run: submit,
    busy,
    error,
  } = useAction(async (form: FormData) => {
    const days = Number(form.get("expiresInDays"));
    const expiresAt = days > 0 ? new Date(Date.now() + days * 86_400_000).toISOString() : null;
    setKey(await adminFetch<{ name: string; key: string }>("/api/api-keys", "POST", { name: form.get("name"), expiresAt }));
  });
  return (
    <div className="space-y-2">
      <form action={submit} className="flex flex-wrap items-end gap-3" aria-label="Create an API key">
        <Field label="Name (what uses it)">
          <input name="name" required placeholder="e.g. BI export" className="input block" />
        </Field>
        <Field label="Expires">
          <select name="expiresInDays" defaultValue="" className="input block">
            <option value="">Never</option>
            {EXPIRY_DAYS.map((d) => (
              <option key={d} value={d}>
                In {d} days
              </option>
            ))}
          </select>
        </Field>
        <Button type="submit" disabled={busy}>
          {busy ? "Creating…" : "Create key"}
        </Button>
      </form>
      <ActionError error={error} />
      {key && <OneTimeSecret label={`Key "${key.name}"`} value={key.key} />}
    </div>
  );
}

export function RevokeKeyButton({ id, name }: { id: string; name: string }) {
  const { run, busy, error } = useAction(async () => {
    if (!confirm(`Revoke "${name}"? Requests with it fail from now on.`)) return;
    await adminFetch(`/api/api-keys/${id}`, "DELETE");
  });
  return (
    <>
      <button type="button" disabled={busy} className="rounded-md px-2 py-1 text-xs text-rose-700 hover:bg-rose-50" onClick={() => void run()}>
        Revoke
      </button>
      <ActionError error={error} small />
    </>
  );
}
