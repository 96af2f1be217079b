import Link from "next/link";
import type { CallDetail, CallItem } from "@/lib/calls/schemas";
import { humanize, PROVIDER_NAMES } from "./labels";
import { SeekLink } from "./seek-link";
import { turnAnchor } from "./turn-anchor";

const SIGNAL_NAMES: Record<string, string> = {
  base: "Every call",
  interest: "Interest",
  outcome: "Outcome",
  sentiment: "Sentiment",
  vendor_score: "Vendor's score",
  labels: "Labels",
  objective: "Objective",
  callback: "Callback asked",
  tracker: "Said",
};

type Signal = CallDetail["leadSignals"][number];

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * Why a call scored what it did, each signal with its evidence: the words
 * that earned it (a click plays from there; elsewhere it opens the call at
 * that moment) or the vendor field it was read from.
 */
export function LeadSignals({
  call,
  onCallPage = false,
  corrected,
}: {
  call: Pick<CallItem, "id" | "provider"> & Pick<CallDetail, "leadSignals">;
  onCallPage?: boolean;
  /** A reviewer's corrections: those signals came from the reviewer, not the vendor's field. */
  corrected?: { outcome: boolean; sentiment: boolean };
}) {
  const vendor = PROVIDER_NAMES[call.provider] ?? call.provider;
  return (
    <ul className="space-y-1.5 text-sm" aria-label="Why this score">
      {call.leadSignals.map((s) => (
        <li key={s.trackerId ?? s.signal} data-testid="lead-signal">
          <div className="flex justify-between gap-4">
            <span className="text-slate-600">
              {SIGNAL_NAMES[s.signal] ?? s.signal}
              {s.signal !== "base" && s.signal !== "callback" && (
                <span className="text-slate-500"> · {s.signal === "tracker" ? s.value : humanize(s.value)}</span>
              )}
            </span>
            <span className={`tabular-nums ${s.points > 0 ? "text-emerald-700" : "text-rose-700"}`}>
              {s.points > 0 ? "+" : ""}
              {s.points}
            </span>
          </div>
          <Evidence signal={s} callId={call.id} vendor={vendor} onCallPage={onCallPage} corrected={corrected} />
        </li>
      ))}
    </ul>
  );
}

function Evidence({
  signal,
  callId,
  vendor,
  onCallPage,
  corrected,
}: {
  signal: Signal;
  callId: string;
  vendor: string;
  onCallPage: boolean;
  corrected?: { outcome: boolean; sentiment: boolean };
}) {
  const evidence = signal.evidence;
  if (!evidence) return null;
  if ("field" in evidence) {
    const byReviewer = (signal.signal === "outcome" && corrected?.outcome) || (signal.signal === "sentiment" && corrected?.sentiment);
    return (
      <p className="text-xs text-slate-500" data-testid="signal-field">
        {byReviewer ? "set by a reviewer" : `from ${vendor}'s ${humanize(evidence.field).toLowerCase()}`}
      </p>
    );
  }
  const quote = (
    <>
      <span className="text-slate-500 tabular-nums">▶ {clock(evidence.atMs)}</span> <q className="italic">{evidence.text}</q>
    </>
  );
  const className = "line-clamp-2 text-xs text-slate-700 hover:text-indigo-700";
  const label = `Play from ${clock(evidence.atMs)}: ${evidence.text}`;
  return onCallPage ? (
    <SeekLink turn={evidence.turn} ms={evidence.atMs} label={label} className={className}>
      {quote}
    </SeekLink>
  ) : (
    <Link href={`/calls/${callId}#${turnAnchor(evidence.turn)}`} aria-label={label} className={className} data-testid="seek-link">
      {quote}
    </Link>
  );
}
