"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formText } from "@/components/ui/form-text";
import type { DestinationFormCatalog } from "@/lib/destinations/kinds/catalog";
import type { Rules } from "@/lib/destinations/rules";
import { adminFetch } from "./admin-fetch";
import { KindFields, readKindFields } from "./destination-kind-fields";
import { OneTimeSecret } from "./one-time-secret";
import { readRulesForm, RulesFields } from "./rules-fields";
import { ActionError, submitWith, useAction } from "./use-action";

// Adding a destination, or changing one. What each kind asks for comes from
// the server's catalog of kinds. Secret fields are never filled in from the
// server: left empty, they keep what is saved.

export interface DestinationFormValue {
  id: string;
  kind: string;
  name: string;
  config: Record<string, unknown>;
  rules: Rules;
}

export function DestinationForm({
  existing,
  sources,
  catalog,
}: {
  existing?: DestinationFormValue;
  sources: { id: string; name: string }[];
  catalog: DestinationFormCatalog;
}) {
  const router = useRouter();
  const [kindId, setKindId] = useState(existing?.kind ?? catalog.kinds[0].id);
  const kind = catalog.kinds.find((k) => k.id === kindId) ?? catalog.kinds[0];
  const [secret, setSecret] = useState<{ value: string; id: string; name: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const {
    run: submit,
    busy,
    error,
  } = useAction(async (form: FormData) => {
    setSaved(false);
    const name = formText(form, "name");
    const body = { name, config: readKindFields(kind.fields, form), rules: readRulesForm(form) };
    if (existing) {
      await adminFetch(`/api/destinations/${existing.id}`, "PATCH", body);
      setSaved(true);
      return;
    }
    const created = await adminFetch<{ destination: { id: string }; secret?: string }>("/api/destinations", "POST", { ...body, kind: kind.id });
    if (created.secret) setSecret({ value: created.secret, id: created.destination.id, name });
    else router.push(`/admin/destinations/${created.destination.id}`);
  });

  return (
    <div className="space-y-3">
      <form onSubmit={submitWith(submit)} className="space-y-4" aria-label={existing ? "Destination settings" : "Add a destination"}>
        <div className="flex flex-wrap gap-4">
          {!existing && (
            <Field label="Kind">
              <select name="kind" value={kind.id} onChange={(e) => setKindId(e.target.value)} className="input block">
                {catalog.kinds.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.label}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field label="Name">
            <input name="name" required defaultValue={existing?.name ?? ""} placeholder={kind.namePlaceholder ?? kind.label} className="input block w-64" />
          </Field>
        </div>
        <KindFields key={kind.id} fields={kind.fields} config={existing?.config ?? {}} defaults={kind.defaultConfig} />
        <RulesFields rules={existing?.rules ?? catalog.defaultRules} sources={sources} alerts={kind.takesAlerts} />
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={busy}>
            {busy ? "Saving…" : existing ? "Save changes" : "Add destination"}
          </Button>
          {saved && <span className="text-sm text-emerald-700">Saved.</span>}
        </div>
      </form>
      <ActionError error={error} />
      {secret && kind.shownOnce && (
        <div className="space-y-2">
          <OneTimeSecret label={kind.shownOnce.label} value={secret.value} note={kind.shownOnce.note} />
          <p className="text-sm text-slate-600">
            {kind.shownOnce.help.map((part) => (typeof part === "string" ? part : <code key={part.code}>{part.code}</code>))} Then{" "}
            <Link href={`/admin/destinations/${secret.id}`} className="text-indigo-700 hover:underline">
              open {secret.name}
            </Link>{" "}
            to send a test.
          </p>
        </div>
      )}
    </div>
  );
}
