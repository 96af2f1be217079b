"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formText } from "@/components/ui/form-text";
import { settingsGroupsOf } from "@/lib/providers/lookup";
import { adminFetch } from "./admin-fetch";
import { ActionError, submitWith, useAction } from "./use-action";

// A source's settings: its name and phone region, how long a silence is
// normal, and its vendor's own groups (polling for Unpod, storage for HubTalk,
// as its catalog entry says). Secret fields show only whether they are saved;
// left empty, they stay as they are.

type Group = Record<string, unknown> | null;

export interface SourceSettingsValue {
  slug: string;
  name: string;
  provider: string;
  defaultRegion: string;
  settings: { polling: Group; storage: Group; health: { expectedGapMinutes: number } };
}

const text = (group: Group, key: string, fallback = "") => {
  const value = group?.[key];
  return typeof value === "string" || typeof value === "number" ? String(value) : fallback;
};
const secretHint = (group: Group, key: string) => (group?.[key] === "set" ? "Saved; leave empty to keep it" : "Required");

function Input({
  label,
  name,
  group,
  fallback,
  type = "text",
  secret = false,
  hint,
}: {
  label: string;
  name: string;
  group: Group;
  fallback?: string;
  type?: string;
  secret?: boolean;
  hint?: string;
}) {
  return (
    <Field label={label} hint={hint}>
      {secret ? (
        <input name={name} type="password" autoComplete="off" placeholder={secretHint(group, name.split(".")[1])} className="input block w-72" />
      ) : (
        <input name={name} type={type} defaultValue={text(group, name.split(".")[1], fallback)} className="input block w-72" />
      )}
    </Field>
  );
}

function readGroup(form: FormData, prefix: string, numbers: string[] = [], booleans: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (!key.startsWith(`${prefix}.`)) continue;
    const field = key.slice(prefix.length + 1);
    if (typeof value !== "string" || value.trim() === "") continue;
    const v = value.trim();
    out[field] = numbers.includes(field) ? Number(v) : v;
  }
  for (const b of booleans) out[b] = form.get(`${prefix}.${b}`) === "on";
  return out;
}

export function SourceSettingsForm({ source }: { source: SourceSettingsValue }) {
  const [saved, setSaved] = useState(false);
  const { polling, storage, health } = source.settings;
  const groups = settingsGroupsOf(source.provider);
  const {
    run: submit,
    busy,
    error,
  } = useAction(async (form: FormData) => {
    setSaved(false);
    const settings: Record<string, unknown> = { health: { expectedGapMinutes: Number(form.get("health.expectedGapMinutes")) } };
    if (groups.includes("polling")) settings.polling = readGroup(form, "polling", ["pageSize", "intervalSec", "pagesPerRun"]);
    if (groups.includes("storage")) settings.storage = readGroup(form, "storage", [], ["forcePathStyle"]);
    await adminFetch(`/api/sources/${source.slug}`, "PATCH", {
      name: form.get("name"),
      defaultRegion: formText(form, "defaultRegion").toUpperCase(),
      settings,
    });
    setSaved(true);
  });

  return (
    <form onSubmit={submitWith(submit)} className="space-y-5" aria-label="Source settings">
      <div className="flex flex-wrap gap-4">
        <Field label="Name">
          <input name="name" required defaultValue={source.name} className="input block w-72" />
        </Field>
        <Field label="Phone region for numbers without a country code">
          <input name="defaultRegion" required pattern="[A-Za-z]{2}" maxLength={2} defaultValue={source.defaultRegion} className="input block w-20 uppercase" />
        </Field>
        <Field label="Alert when nothing arrives for (minutes)">
          <input
            name="health.expectedGapMinutes"
            type="number"
            min={5}
            max={43200}
            required
            defaultValue={health.expectedGapMinutes}
            className="input block w-32"
          />
        </Field>
      </div>

      {groups.includes("polling") && (
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-900">Polling Unpod&apos;s task API</legend>
          <div className="flex flex-wrap gap-4">
            <Input
              label="API base URL"
              name="polling.apiBaseUrl"
              group={polling}
              fallback="https://unpod.ai/api/v2/platform"
              hint="On another host, enter both tokens again: saved ones stay with the old host."
            />
            <Input label="Org handle (Org-Handle header)" name="polling.orgHandle" group={polling} />
            <Input label="API token" name="polling.apiToken" group={polling} secret />
            <Input label="Space token" name="polling.spaceToken" group={polling} secret />
            <Input label="Poll every (seconds; 0 = only via /api/cron/unpod)" name="polling.intervalSec" group={polling} fallback="60" type="number" />
            <Input label="Tasks per page" name="polling.pageSize" group={polling} fallback="50" type="number" />
            <Input label="Pages per run" name="polling.pagesPerRun" group={polling} fallback="20" type="number" />
          </div>
        </fieldset>
      )}

      {groups.includes("storage") && (
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-900">Recording storage (S3 or compatible)</legend>
          <div className="flex flex-wrap gap-4">
            <Input label="Bucket" name="storage.bucket" group={storage} />
            <Input label="Region" name="storage.region" group={storage} fallback="us-east-1" />
            <Input
              label="Endpoint (empty for AWS)"
              name="storage.endpoint"
              group={storage}
              hint="On another host, enter the secret access key again: the saved one stays with the old host."
            />
            <Input label="Access key id" name="storage.accessKeyId" group={storage} />
            <Input label="Secret access key" name="storage.secretAccessKey" group={storage} secret />
          </div>
          <label className="inline-flex items-center gap-1.5 text-sm text-slate-600">
            <input type="checkbox" name="storage.forcePathStyle" defaultChecked={storage?.forcePathStyle === true} /> Path-style URLs (MinIO and most
            S3-compatible stores)
          </label>
        </fieldset>
      )}

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save settings"}
        </Button>
        {saved && <span className="text-sm text-emerald-700">Saved.</span>}
      </div>
      <ActionError error={error} />
    </form>
  );
}
