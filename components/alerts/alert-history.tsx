import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { OlderLink } from "@/components/ui/older-link";
import type { AlertItem } from "@/lib/alerts/history";

function emailText(e: AlertItem["email"], cleared: boolean): string | null {
  if (!e.asked) return null;
  if (e.error) return `Email not sent: ${e.error}`;
  if (cleared) return e.clearedSentAt ? "Email (opened, cleared)" : e.openedSentAt ? "Email (opened; cleared pending)" : "Email pending";
  return e.openedSentAt ? "Email" : "Email pending";
}

/** Alerts, newest first: when each opened and cleared, the values, and where it was sent. */
export function AlertHistory({ items, nextCursor, showOwner }: { items: AlertItem[]; nextCursor: string | null; showOwner: boolean }) {
  if (items.length === 0) return <EmptyState>No alerts yet. When a rule&apos;s condition starts, its alert shows here, and again when it clears.</EmptyState>;
  return (
    <div className="space-y-3">
      <ul aria-label="Alert history" className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm shadow-sm">
        {items.map((a) => {
          const email = emailText(a.email, a.resolvedAt !== null);
          return (
            <li key={a.id} data-testid="metric-alert" className="flex flex-col gap-2 p-4 md:flex-row md:items-start md:gap-6">
              <div className="min-w-0 md:w-64 md:shrink-0">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-slate-900">{a.rule.name}</span>
                  {a.resolvedAt ? <Badge tone="green">Cleared</Badge> : <Badge tone="amber">Open</Badge>}
                </div>
                {showOwner && <div className="text-xs text-slate-500">{a.rule.owner}</div>}
              </div>
              <div className="min-w-0 flex-1 text-slate-700">
                <div>
                  {a.measured}
                  {a.previousText && <span className="text-slate-500"> (window before: {a.previousText})</span>}
                </div>
                <div className="text-xs text-slate-500">
                  Opened <LocalTime iso={a.openedAt} />
                  {a.resolvedAt && (
                    <>
                      {" · "}
                      {a.clearedValueText ? `cleared at ${a.clearedValueText}, ` : "closed when the rule was turned off, "}
                      <LocalTime iso={a.resolvedAt} />
                    </>
                  )}
                </div>
              </div>
              <div className="text-xs text-slate-600 md:w-64 md:shrink-0">
                {!email && a.sentTo.length === 0 && "Shown here only"}
                {email && <div>{email}</div>}
                {a.sentTo.map((s, i) => (
                  // One destination appears twice (opened, cleared): the position tells them apart.
                  // eslint-disable-next-line @eslint-react/no-array-index-key
                  <div key={i}>
                    {s.destination}: {s.what.toLowerCase()}, {s.status}
                  </div>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
      <OlderLink path="/alerts" filters={{}} cursor={nextCursor}>
        Older alerts
      </OlderLink>
    </div>
  );
}
