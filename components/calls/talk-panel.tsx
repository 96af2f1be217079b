import { Badge } from "@/components/ui/badge";
import type { CallDetail } from "@/lib/calls/schemas";

// The call page's Talk card: who talked how much (a bar, agent against
// customer), the longest stretches, questions, interruptions, silence and
// pace. Figures from estimated timing say so; what cannot be known without
// the vendor's times shows a dash with the reason on hover.

type Metrics = NonNullable<CallDetail["metrics"]>;

/** 7.5 s, or 2:05 from a minute on. */
function seconds(sec: number): string {
  if (sec < 60) return `${sec.toLocaleString("en-US", { maximumFractionDigits: 1 })} s`;
  const whole = Math.round(sec);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

function Figure({ label, value, why, testId }: { label: string; value: string | null; why?: string; testId: string }) {
  return (
    <div className="flex items-baseline justify-between gap-2 border-b border-slate-100 py-1 last:border-0">
      <dt className="text-slate-600">{label}</dt>
      <dd className="font-medium text-slate-900 tabular-nums" data-testid={testId} title={value === null ? why : undefined}>
        {value ?? "–"}
      </dd>
    </div>
  );
}

export function TalkPanel({ metrics }: { metrics: Metrics }) {
  const agentPct = metrics.talkRatio === null ? null : Math.round(metrics.talkRatio * 100);
  const estimated = metrics.timing === "estimated";
  return (
    <div className="space-y-3 text-sm" data-testid="talk-panel">
      {estimated && (
        <div className="space-y-1" data-testid="talk-estimated">
          <Badge tone="amber">Estimated from text length</Badge>
          <p className="text-xs text-slate-600">The vendor gave no time for every turn: left out of averages that need real times.</p>
        </div>
      )}
      {agentPct !== null ? (
        <div>
          <div className="flex justify-between text-xs text-slate-600">
            <span>
              <span className="inline-block size-2 rounded-full bg-indigo-500" aria-hidden /> Agent {seconds(metrics.agentTalkSec)} · {agentPct}%
            </span>
            <span>
              Customer {seconds(metrics.customerTalkSec)} · {100 - agentPct}% <span className="inline-block size-2 rounded-full bg-teal-500" aria-hidden />
            </span>
          </div>
          <div
            className="mt-1 flex h-2.5 overflow-hidden rounded-full bg-teal-500"
            role="img"
            aria-label={`Talk ratio: agent ${agentPct}%, customer ${100 - agentPct}%`}
            data-testid="talk-ratio"
          >
            <div className="h-full bg-indigo-500" style={{ width: `${agentPct}%` }} />
          </div>
        </div>
      ) : (
        <p className="text-slate-600">No talk time.</p>
      )}
      <dl>
        <Figure label="Longest monologue" value={seconds(metrics.longestMonologueSec)} testId="talk-monologue" />
        <Figure label="Longest customer stretch" value={seconds(metrics.longestCustomerSec)} testId="talk-customer-stretch" />
        <Figure label="Questions asked by the agent" value={String(metrics.agentQuestions)} testId="talk-questions" />
        <Figure
          label="Interruptions"
          value={metrics.interruptions === null ? null : String(metrics.interruptions)}
          why="Needs the vendor's end time of each turn"
          testId="talk-interruptions"
        />
        <Figure
          label="Silence"
          value={metrics.silenceSec === null ? null : seconds(metrics.silenceSec)}
          why="Needs the vendor's end time of each turn: with start times only, a turn lasts until the next starts"
          testId="talk-silence"
        />
        <Figure label="Pace" value={metrics.wordsPerMinute === null ? null : `${metrics.wordsPerMinute} words/min`} testId="talk-pace" />
      </dl>
    </div>
  );
}
