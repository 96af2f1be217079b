"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formText } from "@/components/ui/form-text";
import type { Rules } from "@/lib/destinations/rules";
import { OUTCOMES } from "@/lib/providers/values";
import { adminFetch } from "./admin-fetch";
import { DESTINATION_KIND_LABEL } from "./labels";
import { OneTimeSecret } from "./one-time-secret";
import { readRulesForm, RulesFields } from "./rules-fields";
import { SecretInput } from "./secret-input";
import { ActionError, submitWith, useAction } from "./use-action";

// Adding a destination, or changing one. Secret fields are never filled in
// from the server: left empty, they keep what is saved.

type Kind = "hubspot" | "slack" | "webhook";
const LEAD_STATUSES = ["", "NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL", "UNQUALIFIED", "ATTEMPTED_TO_CONTACT", "CONNECTED", "BAD_TIMING"];

export interface DestinationFormValue {
  id: string;
  kind: Kind;
  name: string;
  config: Record<string, unknown>;
  rules: Rules;
}

const DEFAULT_RULES: Rules = { calls: "hot", outcomes: [], minScore: null, sourceIds: [], alerts: false };

function KindFields({ kind, config, defaults }: { kind: Kind; config: Record<string, unknown>; defaults: Record<string, string> }) {
  if (kind === "slack") {
    // Shown as typed, so a paste can be checked; once saved, only masked.
    return (
      <SecretInput
        name="webhookUrl"
        label="Incoming-webhook URL (Slack app → Incoming Webhooks → Add New Webhook)"
        saved={config.webhookUrl === "set"}
        savedAs={typeof config.webhookUrlMasked === "string" ? config.webhookUrlMasked : null}
        placeholder="https://hooks.slack.com/services/…"
        concealed={false}
      />
    );
  }
  if (kind === "webhook") {
    return (
      <div className="space-y-3">
        <Field label="Receiver URL (POST, JSON, signed with Standard Webhooks)">
          <input
            name="url"
            type="url"
            required
            defaultValue={typeof config.url === "string" ? config.url : ""}
            placeholder="https://example.com/hooks/calls"
            className="input block w-full"
          />
        </Field>
        {config.secret === "set" ? (
          <SecretInput
            name="secret"
            label="Signing secret (whsec_…)"
            saved
            placeholder="whsec_…"
            hint="On another host, enter the secret again: the saved one stays with the old host."
          />
        ) : (
          <Field label="Signing secret (whsec_…)">
            <input name="secret" type="password" autoComplete="off" placeholder="Leave empty to make a new one" className="input block w-full" />
          </Field>
        )}
      </div>
    );
  }
  const leadStatus = (config.leadStatus ?? {}) as Record<string, string>;
  return (
    <div className="space-y-3">
      <SecretInput
        name="accessToken"
        label="Private-app access token (HubSpot → Settings → Integrations → Private apps; scopes: crm.objects.contacts read/write)"
        saved={config.accessToken === "set"}
        placeholder="pat-…"
      />
      <label className="inline-flex items-center gap-1.5 text-sm text-slate-600">
        <input type="checkbox" name="createContacts" defaultChecked={config.createContacts !== false} /> Create the contact when no one has the caller&apos;s
        phone
      </label>
      <fieldset className="text-sm text-slate-600">
        <legend className="mb-1 font-medium text-slate-900">Lead status for each outcome</legend>
        <div className="grid grid-cols-1 gap-x-8 gap-y-2 md:grid-cols-2 xl:grid-cols-3">
          {OUTCOMES.map((o) => (
            <label key={o} className="flex items-center justify-between gap-2">
              <span>{o.replaceAll("_", " ")}</span>
              <select name={`leadStatus.${o}`} defaultValue={leadStatus[o] ?? defaults[o] ?? ""} className="input w-60">
                {LEAD_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s ? s.replaceAll("_", " ").toLowerCase() : "leave as is"}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function readConfig(kind: Kind, form: FormData): Record<string, unknown> {
  if (kind === "slack") return { webhookUrl: form.get("webhookUrl") };
  if (kind === "webhook") return { url: form.get("url"), secret: form.get("secret") };
  return {
    accessToken: form.get("accessToken"),
    createContacts: form.get("createContacts") === "on",
    leadStatus: Object.fromEntries(OUTCOMES.map((o) => [o, form.get(`leadStatus.${o}`) ?? ""])),
  };
}

export function DestinationForm({
  existing,
  sources,
  leadStatusDefaults,
}: {
  existing?: DestinationFormValue;
  sources: { id: string; name: string }[];
  leadStatusDefaults: Record<string, string>;
}) {
  const router = useRouter();
  const [kind, setKind] = useState<Kind>(existing?.kind ?? "slack");
  const [secret, setSecret] = useState<{ value: string; id: string; name: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const {
    run: submit,
    busy,
    error,
  } = useAction(async (form: FormData) => {
    setSaved(false);
    const name = formText(form, "name");
    const body = { name, config: readConfig(kind, form), rules: readRulesForm(form) };
    if (existing) {
      await adminFetch(`/api/destinations/${existing.id}`, "PATCH", body);
      setSaved(true);
      return;
    }
    const created = await adminFetch<{ destination: { id: string }; secret?: string }>("/api/destinations", "POST", { ...body, kind });
    if (created.secret) setSecret({ value: created.secret, id: created.destination.id, name });
    else router.push(`/admin/destinations/${created.destination.id}`);
  });

  return (
    <div className="space-y-3">
      <form onSubmit={submitWith(submit)} className="space-y-4" aria-label={existing ? "Destination settings" : "Add a destination"}>
        <div className="flex flex-wrap gap-4">
          {!existing && (
            <Field label="Kind">
              <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)} className="input block">
                {(["slack", "hubspot", "webhook"] as const).map((k) => (
                  <option key={k} value={k}>
                    {DESTINATION_KIND_LABEL[k]}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field label="Name">
            <input
              name="name"
              required
              defaultValue={existing?.name ?? ""}
              placeholder={kind === "slack" ? "#sales-hot-leads" : DESTINATION_KIND_LABEL[kind]}
              className="input block w-64"
            />
          </Field>
        </div>
        <KindFields key={kind} kind={kind} config={existing?.config ?? {}} defaults={leadStatusDefaults} />
        <RulesFields rules={existing?.rules ?? DEFAULT_RULES} sources={sources} alerts={kind !== "hubspot"} />
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={busy}>
            {busy ? "Saving…" : existing ? "Save changes" : "Add destination"}
          </Button>
          {saved && <span className="text-sm text-emerald-700">Saved.</span>}
        </div>
      </form>
      <ActionError error={error} />
      {secret && (
        <div className="space-y-2">
          <OneTimeSecret
            label="Signing secret: give it to the receiver to verify webhook-signature"
            value={secret.value}
            note="Shown once: copy it now. It is kept encrypted, for signing, and never shown again."
          />
          <p className="text-sm text-slate-600">
            Receivers verify each request with the <code>standardwebhooks</code> library: <code>new Webhook(secret).verify(body, headers)</code>. Then{" "}
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
