"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formText } from "@/components/ui/form-text";
import type { SettingsGroupForm } from "@/lib/sources/settings-group";
import { adminFetch } from "./admin-fetch";
import { GroupFields, readGroup } from "./settings-group-fields";
import { ActionError, submitWith, useAction } from "./use-action";

// A source's settings: its name and phone region, how long a silence is
// normal, and its vendor's own groups (polling for Unpod, storage for HubTalk),
// drawn from the descriptors its module gives the page. Secret fields show
// only whether they are saved; left empty, they stay as they are.

export interface SourceSettingsValue {
  slug: string;
  name: string;
  defaultRegion: string;
  retention: { recordingDays: number | null; transcriptDays: number | null };
  settings: { health: { expectedGapMinutes: number } } & Record<string, Record<string, unknown> | null>;
}

/** An empty days field keeps things for ever. */
const days = (form: FormData, name: string) => (formText(form, name) ? Number(formText(form, name)) : null);

function DaysField({ label, name, saved }: { label: string; name: string; saved: number | null }) {
  return (
    <Field label={label}>
      <input name={name} type="number" min={1} max={36500} defaultValue={saved ?? ""} placeholder="for ever" className="input block w-32" />
    </Field>
  );
}

export function SourceSettingsForm({ source, groups }: { source: SourceSettingsValue; groups: SettingsGroupForm[] }) {
  const [saved, setSaved] = useState(false);
  const { health } = source.settings;
  const {
    run: submit,
    busy,
    error,
  } = useAction(async (form: FormData) => {
    setSaved(false);
    const settings: Record<string, unknown> = { health: { expectedGapMinutes: Number(form.get("health.expectedGapMinutes")) } };
    for (const group of groups) settings[group.key] = readGroup(form, group);
    await adminFetch(`/api/sources/${source.slug}`, "PATCH", {
      name: form.get("name"),
      defaultRegion: formText(form, "defaultRegion").toUpperCase(),
      retention: { recordingDays: days(form, "retention.recordingDays"), transcriptDays: days(form, "retention.transcriptDays") },
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

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">Retention</legend>
        <p className="text-sm text-slate-600">
          A daily job deletes what is older than this, counted from the call. Calls stay in lists, counts and charts; their page says what was deleted. Leave
          empty to keep for ever.
        </p>
        <div className="flex flex-wrap gap-4">
          <DaysField label="Keep recordings (days)" name="retention.recordingDays" saved={source.retention.recordingDays} />
          <DaysField label="Keep transcripts and raw payloads (days)" name="retention.transcriptDays" saved={source.retention.transcriptDays} />
        </div>
      </fieldset>

      {groups.map((group) => (
        <GroupFields key={group.key} group={group} saved={source.settings[group.key] ?? null} />
      ))}

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
