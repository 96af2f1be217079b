"use client";

import { useMemo, useState } from "react";
import type { TimedTurn } from "@/lib/calls/turn-times";
import { turnAnchor } from "./turn-anchor";

const ROLE_NAME = { agent: "Agent", customer: "Customer", system: "System" } as const;

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** Marks occurrences of `query` in text; vendor text is only ever rendered as text. */
function Highlighted({ text, query }: { text: string; query: string }) {
  if (!query) return <>{text}</>;
  const lower = text.toLowerCase();
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (let i = lower.indexOf(query); i !== -1; i = lower.indexOf(query, at)) {
    parts.push(
      text.slice(at, i),
      <mark key={i} className="rounded bg-yellow-200 px-0.5">
        {text.slice(i, i + query.length)}
      </mark>,
    );
    at = i + query.length;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

export function Transcript({
  turns,
  activeIndex,
  focusedIndex,
  trackerNames,
  onSeek,
}: {
  turns: TimedTurn[];
  activeIndex?: number;
  /** The line a link on the page pointed at (score evidence, a tracker chip). */
  focusedIndex?: number;
  /** The trackers that matched each line, by its index. */
  trackerNames?: Map<number, string[]>;
  onSeek?: (ms: number) => void;
}) {
  const [query, setQuery] = useState("");
  const q = query.trim().toLowerCase();
  const matches = useMemo(() => (q ? turns.filter((t) => t.text.toLowerCase().includes(q)).length : 0), [turns, q]);

  return (
    <div>
      <div className="mb-3 flex items-center gap-3">
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search this transcript"
          aria-label="Search this transcript"
          className="input flex-1"
        />
        {q && (
          <span className="text-sm text-slate-500">
            {matches} {matches === 1 ? "line" : "lines"}
          </span>
        )}
      </div>
      <ol className="space-y-2" aria-label="Transcript">
        {turns.map((turn, i) => {
          const agent = turn.role === "agent";
          const dim = q && !turn.text.toLowerCase().includes(q);
          const tracked = trackerNames?.get(i) ?? [];
          const ring = activeIndex === i ? "ring-2 ring-indigo-500" : focusedIndex === i ? "ring-2 ring-amber-500" : tracked.length ? "ring-amber-300" : "";
          return (
            // A call's turns never reorder, and their times can repeat or be missing: a turn's position is its identity.
            // eslint-disable-next-line @eslint-react/no-array-index-key
            <li key={i} id={turnAnchor(i)} className={`flex scroll-mt-24 ${agent ? "justify-start" : "justify-end"} ${dim ? "opacity-40" : ""}`}>
              <button
                type="button"
                onClick={() => onSeek?.(turn.startMs)}
                aria-current={activeIndex === i ? "true" : undefined}
                data-testid="transcript-line"
                className={`max-w-[80%] rounded-2xl px-4 py-2 text-left text-sm shadow-xs transition ${
                  agent ? "rounded-bl-sm bg-white ring-1 ring-slate-200" : "rounded-br-sm bg-indigo-50 ring-1 ring-indigo-100"
                } ${ring} hover:ring-indigo-300`}
              >
                <span className="mb-0.5 flex gap-2 text-xs text-slate-500">
                  <span className="font-medium">{ROLE_NAME[turn.role]}</span>
                  <span className="tabular-nums" title={turn.exact ? "time from the vendor" : "estimated from the text length"}>
                    {turn.exact ? "" : "≈"}
                    {clock(turn.startMs)}
                  </span>
                  {tracked.map((name) => (
                    <span key={name} className="rounded bg-amber-100 px-1.5 font-medium text-amber-900" data-testid="turn-tracker">
                      {name}
                    </span>
                  ))}
                </span>
                <span className="whitespace-pre-wrap text-slate-800">
                  <Highlighted text={turn.text} query={q} />
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
