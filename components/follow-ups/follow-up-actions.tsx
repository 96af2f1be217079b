"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button, buttonClass } from "@/components/ui/button";

interface Props {
  callId: string;
  done: boolean;
  assigneeId: string | null;
  note: string | null;
  users: { id: string; name: string }[];
}

const at9 = (d: Date) => {
  d.setHours(9, 0, 0, 0);
  return d;
};

// Quick snooze times, in the browser's own time zone (the viewer's).
const QUICK: [string, () => Date][] = [
  ["1 hour", () => new Date(Date.now() + 3_600_000)],
  [
    "Tomorrow 9:00",
    () => {
      const d = new Date();
      d.setDate(d.getDate() + 1);
      return at9(d);
    },
  ],
  [
    "Next week",
    () => {
      // Monday 9:00 of next week.
      const d = new Date();
      d.setDate(d.getDate() + ((8 - d.getDay()) % 7 || 7));
      return at9(d);
    },
  ],
];

export function FollowUpActions({ callId, done, assigneeId, note, users }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState("");
  const [text, setText] = useState(note ?? "");

  // Never rejects: a failure to reach the server or to save is shown as the error.
  async function send(body: object): Promise<void> {
    setError(null);
    setBusy(true);
    const res = await fetch(`/api/follow-ups/${callId}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }).catch(() => null);
    setBusy(false);
    if (!res) return setError("The server could not be reached; try again.");
    if (!res.ok) return setError(((await res.json().catch(() => null)) as { detail?: string } | null)?.detail ?? "Could not save; try again.");
    startTransition(() => router.refresh());
  }

  const working = busy || pending;
  return (
    <div className="flex flex-col gap-2 md:items-stretch" aria-busy={working}>
      <Button variant={done ? "secondary" : "primary"} disabled={working} onClick={() => void send({ action: done ? "reopen" : "done" })}>
        {done ? "Reopen" : working ? "Saving…" : "Mark done"}
      </Button>
      {!done && (
        <details className="group rounded-md border border-slate-200 bg-white text-sm">
          <summary className={buttonClass("ghost", "w-full cursor-pointer list-none")}>Snooze…</summary>
          <div className="flex flex-col gap-1 p-2">
            {QUICK.map(([label, when]) => (
              <Button key={label} variant="secondary" disabled={working} onClick={() => void send({ action: "snooze", until: when().toISOString() })}>
                {label}
              </Button>
            ))}
            <label className="mt-1 text-xs text-slate-600">
              Or pick a time
              <input
                type="datetime-local"
                value={picked}
                onChange={(e) => setPicked(e.target.value)}
                className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
              />
            </label>
            <Button variant="secondary" disabled={working || !picked} onClick={() => void send({ action: "snooze", until: new Date(picked).toISOString() })}>
              Snooze until then
            </Button>
          </div>
        </details>
      )}
      <label className="text-xs text-slate-600">
        Assigned to
        <select
          value={assigneeId ?? ""}
          disabled={working}
          onChange={(e) => void send({ action: "assign", userId: e.target.value || null })}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900"
        >
          <option value="">Nobody</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <details className="rounded-md border border-slate-200 bg-white text-sm">
        <summary className={buttonClass("ghost", "w-full cursor-pointer list-none")}>{note ? "Edit note" : "Add note"}</summary>
        <form
          className="flex flex-col gap-1 p-2"
          onSubmit={(e) => {
            e.preventDefault();
            void send({ action: "note", text });
          }}
        >
          <label className="text-xs text-slate-600">
            Note
            <textarea
              value={text}
              maxLength={1000}
              rows={3}
              onChange={(e) => setText(e.target.value)}
              className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-900"
            />
          </label>
          <Button type="submit" variant="secondary" disabled={working}>
            Save note
          </Button>
        </form>
      </details>
      {error && (
        <p role="status" className="text-xs text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}
