"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import type { CallDetail } from "@/lib/calls/schemas";
import { OUTCOMES, SENTIMENTS } from "@/lib/providers/values";
import { REVIEW_NOTE_MAX } from "@/lib/reviews/limits";
import { humanize } from "./labels";

type Call = Pick<CallDetail, "id" | "outcome" | "sentiment" | "isHot" | "review">;

// "" in a select means "as the AI said": the correction is taken back.
const AI = "";

const hotWord = (hot: boolean) => (hot ? "hot" : "not hot");

/**
 * A manager's review of the call: correct outcome, sentiment and hot, mark it
 * reviewed, leave a note. What the AI said stays in view beside each value.
 */
export function ReviewPanel({ call }: { call: Call }) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { review } = call;
  const initial = {
    outcome: review.corrected.outcome ? (call.outcome ?? AI) : AI,
    sentiment: review.corrected.sentiment ? (call.sentiment ?? AI) : AI,
    hot: review.corrected.hot ? String(call.isHot) : AI,
  };
  const [outcome, setOutcome] = useState(initial.outcome);
  const [sentiment, setSentiment] = useState(initial.sentiment);
  const [hot, setHot] = useState(initial.hot);
  const [note, setNote] = useState(review.note ?? "");

  // Never rejects: a failure to reach the server or to save is shown as the error.
  async function save(body: Record<string, unknown>) {
    setError(null);
    setSaved(false);
    setBusy(true);
    const res = await fetch(`/api/calls/${call.id}/review`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }).catch(() => null);
    setBusy(false);
    if (!res) return setError("The server could not be reached; try again.");
    if (!res.ok) return setError(((await res.json().catch(() => null)) as { detail?: string } | null)?.detail ?? "Could not save; try again.");
    setSaved(true);
    startTransition(() => router.refresh());
  }

  const working = busy || pending;
  return (
    <form
      className="space-y-3 text-sm"
      aria-label="Review"
      onSubmit={(e) => {
        e.preventDefault();
        // Only what this reviewer changed: a form opened before someone else's correction must not take it back.
        const changes: Record<string, unknown> = { reviewed: true };
        if (outcome !== initial.outcome) changes.outcome = outcome || null;
        if (sentiment !== initial.sentiment) changes.sentiment = sentiment || null;
        if (hot !== initial.hot) changes.hot = hot === AI ? null : hot === "true";
        if (note.trim() !== (review.note ?? "")) changes.note = note.trim() || null;
        void save(changes);
      }}
    >
      <Choice
        id={`${id}-outcome`}
        label="Outcome"
        value={outcome}
        onChange={setOutcome}
        aiLabel={`As the AI said (${review.ai.outcome ? humanize(review.ai.outcome) : "none"})`}
        options={OUTCOMES.map((o) => [o, humanize(o)])}
        aiSaid={review.corrected.outcome ? (review.ai.outcome ? humanize(review.ai.outcome) : "no outcome") : null}
      />
      <Choice
        id={`${id}-sentiment`}
        label="Sentiment"
        value={sentiment}
        onChange={setSentiment}
        aiLabel={`As the AI said (${review.ai.sentiment ? humanize(review.ai.sentiment) : "none"})`}
        options={SENTIMENTS.map((s) => [s, humanize(s)])}
        aiSaid={review.corrected.sentiment ? (review.ai.sentiment ? humanize(review.ai.sentiment) : "no sentiment") : null}
      />
      <Choice
        id={`${id}-hot`}
        label="Hot lead"
        value={hot}
        onChange={setHot}
        aiLabel={`As the score says (${hotWord(review.ai.hot)})`}
        options={[
          ["true", "Hot"],
          ["false", "Not hot"],
        ]}
        aiSaid={review.corrected.hot ? `score says ${hotWord(review.ai.hot)}` : null}
      />
      <label className="block text-xs font-medium text-slate-600" htmlFor={`${id}-note`}>
        Note
      </label>
      <textarea
        id={`${id}-note`}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={REVIEW_NOTE_MAX}
        rows={2}
        className="input block w-full"
        placeholder="What the AI missed, for the team"
      />
      {review.note && review.noteBy && (
        <p className="text-xs text-slate-500">
          Note by {review.noteBy}
          {review.noteAt && (
            <>
              , <LocalTime iso={review.noteAt} />
            </>
          )}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={working}>
          {working ? "Saving…" : review.reviewedAt ? "Save review" : "Save and mark reviewed"}
        </Button>
        {review.reviewedAt && (
          <Button type="button" variant="ghost" disabled={working} onClick={() => void save({ reviewed: false })}>
            Unmark reviewed
          </Button>
        )}
      </div>
      <p role="status" className="text-xs">
        {error ? (
          <span className="text-rose-700">{error}</span>
        ) : review.reviewedAt ? (
          <span className="text-slate-500" data-testid="reviewed-by">
            {saved ? "Saved. " : ""}Reviewed{review.reviewedBy ? ` by ${review.reviewedBy}` : ""}, <LocalTime iso={review.reviewedAt} />
          </span>
        ) : (
          <span className="text-slate-500">Not reviewed yet.</span>
        )}
      </p>
    </form>
  );
}

function Choice(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  aiLabel: string;
  options: [string, string][];
  aiSaid: string | null;
}) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-xs font-medium text-slate-600">
        {props.label}
      </label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)} className="input mt-1 block w-full py-1.5">
        <option value={AI}>{props.aiLabel}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {props.aiSaid && <p className="mt-0.5 text-xs text-amber-700">Corrected · AI said: {props.aiSaid}</p>}
    </div>
  );
}
