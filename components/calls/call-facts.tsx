import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { RelatedCall } from "@/lib/calls/related";
import { humanize, OUTCOME_TONE, PROVIDER_NAMES, STATUS_TONE } from "./labels";

export function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="mb-2 text-sm font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

/** Extracted variables as label and value; nested values as compact JSON. */
export function Variables({ values }: { values: Record<string, unknown> }) {
  const entries = Object.entries(values).filter(([, v]) => v !== null && v !== "" && v !== undefined);
  if (entries.length === 0) return <p className="text-sm text-slate-500">None.</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {entries.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{humanize(k)}</dt>
          <dd className="break-words text-slate-800">{typeof v === "string" ? v : JSON.stringify(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Other calls with the same phone; dial attempts of one lead are grouped. */
export function ContactTimeline({ calls }: { calls: RelatedCall[] }) {
  if (calls.length === 0) return <p className="text-sm text-slate-500">No other calls with this number.</p>;
  const groups: RelatedCall[][] = [];
  for (const call of calls) {
    const last = groups.at(-1);
    if (last && call.groupKey && last[0].groupKey === call.groupKey) last.push(call);
    else groups.push([call]);
  }
  return (
    <ol className="space-y-2 border-l border-slate-200 pl-4">
      {groups.map((group) => (
        <li key={group[0].id} className="text-sm">
          {group.length > 1 && <p className="text-xs text-slate-500">{group.length} dial attempts</p>}
          {group.map((c) => (
            <Link key={c.id} href={`/calls/${c.id}`} className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-slate-50">
              <span className="text-slate-600">
                <LocalTime iso={c.startedAt.toISOString()} />
              </span>
              <span className="text-slate-500">{PROVIDER_NAMES[c.provider]}</span>
              {c.attempt ? <span className="text-xs text-slate-500">#{c.attempt}</span> : null}
              <Badge tone={STATUS_TONE[c.status]}>{humanize(c.status)}</Badge>
              {c.outcome && <Badge tone={OUTCOME_TONE[c.outcome] ?? "gray"}>{humanize(c.outcome)}</Badge>}
            </Link>
          ))}
        </li>
      ))}
    </ol>
  );
}
