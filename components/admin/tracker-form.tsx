"use client";

import { Field } from "@/components/ui/field";
import { formText } from "@/components/ui/form-text";
import { MAX_PHRASES, MAX_POINTS, MAX_TRACKER_NAME, MIN_POINTS, TRACKER_SPEAKERS } from "@/lib/trackers/limits";
import { linesFromPhrases, phrasesFromLines } from "@/lib/trackers/phrase-lines";
import type { TrackerView } from "@/lib/trackers/manage";
import { submitWith } from "./use-action";
import { SaveOrCancel } from "./save-or-cancel";

export interface TrackerFields {
  name: string;
  phrases: { text: string; stem: boolean }[];
  speaker: string;
  points: number | null;
  enabled: boolean;
}

const SPEAKER_LABELS: Record<string, string> = { any: "Anyone", agent: "The agent", customer: "The customer" };

/** The form's values as the API takes them. */
function fieldsOf(form: FormData): TrackerFields {
  const points = formText(form, "points").trim();
  return {
    name: formText(form, "name").trim(),
    phrases: phrasesFromLines(formText(form, "phrases")),
    speaker: formText(form, "speaker") || "any",
    points: points === "" ? null : Number(points),
    enabled: form.get("enabled") === "on",
  };
}

/** Creating or editing a tracker: name, phrases one per line (a trailing * for a stem), whose turns count, points. */
export function TrackerForm({
  tracker,
  onSave,
  onCancel,
  busy,
  error,
}: {
  tracker?: TrackerView;
  onSave: (fields: TrackerFields) => Promise<void>;
  onCancel?: () => void;
  busy: boolean;
  error: string | null;
}) {
  const label = tracker ? `Edit ${tracker.name}` : "New tracker";
  return (
    <form onSubmit={submitWith((form) => onSave(fieldsOf(form)))} aria-label={label} className="space-y-3">
      <div className="flex flex-wrap items-start gap-4">
        <Field label="Name">
          <input name="name" required maxLength={MAX_TRACKER_NAME} defaultValue={tracker?.name} className="input block w-56" />
        </Field>
        <Field label="Whose words count">
          <select name="speaker" defaultValue={tracker?.speaker ?? "any"} className="input block">
            {TRACKER_SPEAKERS.map((s) => (
              <option key={s} value={s}>
                {SPEAKER_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Lead-score points" hint={`Optional, ${MIN_POINTS} to ${MAX_POINTS}: added to the score of every call it hits.`}>
          <input name="points" type="number" min={MIN_POINTS} max={MAX_POINTS} step={1} defaultValue={tracker?.points ?? ""} className="input block w-28" />
        </Field>
        <label className="mt-7 flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="enabled" defaultChecked={tracker?.enabled ?? true} className="size-4 rounded border-slate-300 text-indigo-600" />
          On
        </label>
      </div>
      <div>
        <label className="text-sm text-slate-600" htmlFor={`${tracker?.id ?? "new"}-phrases`}>
          Phrases, one per line
        </label>
        <textarea
          id={`${tracker?.id ?? "new"}-phrases`}
          name="phrases"
          required
          rows={5}
          defaultValue={tracker ? linesFromPhrases(tracker.phrases) : ""}
          placeholder={"price*\nhow much\nне звоните"}
          className="input mt-1 block w-full max-w-xl font-mono text-sm"
        />
        <p className="mt-1 max-w-xl text-xs text-slate-500">
          Up to {MAX_PHRASES} phrases. A phrase matches whole words, in any case, with or without accents, whatever punctuation stands between its words (
          <code>send me an email</code> also finds &ldquo;Send me, an e-mail&rdquo;). End a phrase with <code>*</code> to match words that begin with its last
          word: <code>price*</code> finds &ldquo;prices&rdquo;, &ldquo;pricing&rdquo;, &ldquo;priced&rdquo;, <code>цен*</code> finds &ldquo;цена&rdquo;,
          &ldquo;цены&rdquo;. Without it, <code>price</code> never matches inside a longer word such as &ldquo;priceless&rdquo;.
        </p>
      </div>
      <SaveOrCancel busy={busy} label={tracker ? "Save tracker" : "Add tracker"} onCancel={onCancel} error={error} />
    </form>
  );
}
