import type { DigestSendView } from "@/lib/digests/types";

// The latest digests sent (or trying to), as the Account page lists them.

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
export const weekdayName = (n: number) => WEEKDAYS[n - 1] ?? "Monday";

function at(iso: string, timeZone: string) {
  return new Date(iso).toLocaleString("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}

const what = (s: DigestSendView) => (s.period.startsWith("now:") ? "Send now" : `Scheduled (${s.period})`);

export function DigestSends({ sends, timeZone }: { sends: DigestSendView[]; timeZone: string }) {
  if (sends.length === 0) return <p className="text-sm text-slate-500">No digest sent yet.</p>;
  return (
    <ul className="space-y-1 text-sm" aria-label="Latest digests" data-testid="digest-sends">
      {sends.map((s) => {
        const channels = [s.emailSentAt ? "email" : null, s.slackSentAt ? "Slack" : null].filter(Boolean).join(" and ");
        return (
          <li key={s.id} data-status={s.status} className="flex flex-wrap gap-x-2">
            <span className="text-slate-500">{what(s)}:</span>
            {s.status === "sent" && (
              <span className="text-emerald-700">
                sent {at(s.sentAt ?? s.createdAt, timeZone)}
                {channels ? `, by ${channels}` : ""}
              </span>
            )}
            {s.status === "sending" && <span className="text-slate-700">sending…</span>}
            {s.status === "failed" && (
              <span className="text-rose-700">
                failed after {s.attempts} {s.attempts === 1 ? "try" : "tries"}
                {s.retrying ? " (tried again shortly)" : ""}: {s.error}
                {channels ? ` (${channels} went)` : ""}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
