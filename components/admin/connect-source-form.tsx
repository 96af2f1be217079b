"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formText } from "@/components/ui/form-text";
import { CONNECT_CHOICES, DEFAULT_CONNECT_CHOICE } from "@/lib/providers/lookup";
import { adminFetch } from "./admin-fetch";
import { ConnectResult, type Connection } from "./connect-result";
import { ActionError, useAction } from "./use-action";

/** Connects a new source: name, vendor, phone region; then its URL and secret, once. */
export function ConnectSourceForm() {
  const [connection, setConnection] = useState<(Connection & { name: string }) | null>(null);
  const {
    run: submit,
    busy,
    error,
  } = useAction(async (form: FormData) => {
    setConnection(
      await adminFetch("/api/sources", "POST", {
        name: form.get("name"),
        provider: form.get("provider"),
        defaultRegion: formText(form, "region").toUpperCase() || undefined,
      }),
    );
  });
  return (
    <div className="space-y-3">
      <form action={submit} className="flex flex-wrap items-end gap-3" aria-label="Connect a source">
        <Field label="Name">
          <input name="name" required placeholder="e.g. Cllr EU agents" className="input block" />
        </Field>
        <Field label="Vendor">
          <select name="provider" className="input block" defaultValue={DEFAULT_CONNECT_CHOICE}>
            {CONNECT_CHOICES.map(({ id, label }) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Phone region">
          <input name="region" defaultValue="US" maxLength={2} className="input block w-20 uppercase" title="For numbers sent without a country code" />
        </Field>
        <Button type="submit" disabled={busy}>
          {busy ? "Connecting…" : "Connect"}
        </Button>
      </form>
      <ActionError error={error} />
      {connection && <ConnectResult connection={connection} title={`${connection.name} is connected.`} />}
    </div>
  );
}
