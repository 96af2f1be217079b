import { PROVIDER_NAMES } from "@/components/calls/labels";
import { Badge, type Tone } from "@/components/ui/badge";
import { hasCapability } from "@/lib/providers/lookup";
import { HEALTH_STATE_TITLES, type HealthState } from "@/lib/sources/health-state";
import { LocalTime } from "@/components/ui/local-time";
import type { EventCounts, SourceHealth } from "@/lib/sources/health";
import { SourceActions } from "./source-actions";
import { ALERT_TITLES, RAW_STATUS_TONE } from "./labels";

function Counts({ counts }: { counts: EventCounts }) {
  const entries = Object.entries(counts).filter(([, n]) => n);
  if (entries.length === 0) return <span className="text-slate-500">Nothing</span>;
  return (
    <div className="flex flex-wrap gap-1">
      {entries.map(([status, n]) => (
        <Badge key={status} tone={RAW_STATUS_TONE[status] ?? "gray"}>
          {n} {status}
        </Badge>
      ))}
    </div>
  );
}

/** How calls reach the app from this source: its webhook URL, or polling (Unpod), plus storage for key-only recordings (HubTalk). */
function Intake({ s, origin }: { s: SourceHealth; origin: string }) {
  const p = s.polling;
  return (
    <div className="space-y-1 text-xs">
      {p ? (
        p.configured ? (
          <div className="text-slate-700">
            Polled {p.intervalSec > 0 ? `every ${p.intervalSec} s` : "via /api/cron/unpod"}
            {p.lastRunAt && (
              <>
                {" "}
                · last <LocalTime iso={p.lastRunAt.toISOString()} />
              </>
            )}{" "}
            · {p.importedTotal} imported
            {p.backlog && (
              <>
                {" "}
                · importing page {p.backlog.page}
                {p.backlog.of ? ` of ${p.backlog.of}` : ""}
              </>
            )}
            {p.lastError && <div className="text-rose-700">Last error: {p.lastError}</div>}
          </div>
        ) : (
          <div className="text-amber-800">Polling not set up: needs the API token, space token and org handle.</div>
        )
      ) : (
        <div className="font-mono text-slate-700">
          {origin}/api/webhooks/{s.slug}
        </div>
      )}
      {hasCapability(s.provider, "recordingsByKey") &&
        (s.settings.storage ? (
          <div className="text-slate-600">Recordings from bucket {String(s.settings.storage.bucket)}</div>
        ) : (
          <div className="text-amber-800">Recordings need storage settings (bucket, credentials).</div>
        ))}
    </div>
  );
}

const STATE_TONE: Record<HealthState, Tone> = {
  ok: "green",
  off: "gray",
  misconfigured: "amber",
  waiting: "amber",
  failing: "red",
  quiet: "red",
  never_received: "amber",
};

export function SourceHealthRow({ s, origin }: { s: SourceHealth; origin: string }) {
  // The state already says the alert its detail comes from.
  const otherAlerts = s.alerts.filter((a) => a.detail !== s.stateDetail);
  return (
    <tr data-testid={`source-${s.slug}`}>
      <td className="px-4 py-3 align-top">
        <div className="font-medium text-slate-900">{s.name}</div>
        <div className="text-xs text-slate-500">
          {s.slug}
          {s.name !== PROVIDER_NAMES[s.provider] && <> · {PROVIDER_NAMES[s.provider] ?? s.provider}</>} {!s.enabled && <Badge tone="red">Disabled</Badge>}
        </div>
      </td>
      <td className="px-4 py-3 align-top">
        <Intake s={s} origin={origin} />
      </td>
      <td className="px-4 py-3 align-top text-slate-600">{s.lastEventAt ? <LocalTime iso={s.lastEventAt.toISOString()} /> : "Never"}</td>
      <td className="px-4 py-3 align-top">
        <Counts counts={s.last24h} />
      </td>
      <td className="px-4 py-3 align-top">
        <Counts counts={s.last7d} />
      </td>
      <td className="px-4 py-3 align-top" data-testid="source-state" data-state={s.state}>
        <Badge tone={STATE_TONE[s.state]}>{HEALTH_STATE_TITLES[s.state]}</Badge>
        {s.stateDetail && <p className="mt-1 max-w-72 text-xs text-slate-700">{s.stateDetail}</p>}
        {otherAlerts.length > 0 && (
          <ul className="mt-1 space-y-1">
            {otherAlerts.map((a) => (
              <li key={a.kind} className="text-xs text-rose-800">
                <Badge tone="red">{ALERT_TITLES[a.kind] ?? a.kind}</Badge> {a.detail}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="px-4 py-3 align-top">
        <SourceActions slug={s.slug} name={s.name} enabled={s.enabled} polled={hasCapability(s.provider, "polled")} />
      </td>
    </tr>
  );
}
