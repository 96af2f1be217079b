import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
import { OlderLink } from "@/components/ui/older-link";
import type { AlertItem } from "@/lib/alerts/history";

const td = "px-4 py-3";

function emailText(e: AlertItem["email"], cleared: boolean): string | null {
  if (!e.asked) return null;
  if (e.error) return `Email not sent: ${e.error}`;
  if (cleared) return e.clearedSentAt ? "Email (opened, cleared)" : e.openedSentAt ? "Email (opened; cleared pending)" : "Email pending";
  return e.openedSentAt ? "Email" : "Email pending";
}

/** Alerts, newest first: when each opened and cleared, the values, and where it was sent. */
export function AlertHistory({ items, nextCursor, showOwner }: { items: AlertItem[]; nextCursor: string | null; showOwner: boolean }) {
  return (
    <div className="space-y-3">
      <DataTable columns={["Alert", "Opened", "Cleared", "Values", "Sent to"]}>
        {items.length === 0 && (
          <tr>
            <td colSpan={5} className="px-3 py-6 text-center text-slate-500">
              No alerts yet. When a rule&apos;s condition starts, its alert shows here, and again when it clears.
            </td>
          </tr>
        )}
        {items.map((a) => {
          const email = emailText(a.email, a.resolvedAt !== null);
          return (
            <tr key={a.id} data-testid="metric-alert" className="align-top">
              <td className={`${td} min-w-56`}>
                <div className="font-medium text-slate-900">{a.rule.name}</div>
                {showOwner && <div className="text-xs text-slate-500">{a.rule.owner}</div>}
              </td>
              <td className={`${td} whitespace-nowrap`}>
                <LocalTime iso={a.openedAt} />
              </td>
              <td className={`${td} whitespace-nowrap`}>{a.resolvedAt ? <LocalTime iso={a.resolvedAt} /> : <Badge tone="amber">Open</Badge>}</td>
              <td className={`${td} min-w-48 text-slate-700`}>
                {a.measured}
                {a.previousText && <span className="text-slate-500"> (window before: {a.previousText})</span>}
                {a.resolvedAt && (
                  <div className="text-xs text-slate-500">
                    {a.clearedValueText ? `Cleared at ${a.clearedValueText}` : "Closed when the rule was turned off"}
                  </div>
                )}
              </td>
              <td className={`${td} text-xs text-slate-600`}>
                {!email && a.sentTo.length === 0 && "Only here"}
                {email && <div>{email}</div>}
                {a.sentTo.map((s, i) => (
                  // One destination can appear twice (opened, cleared): the position tells them apart.
                  // eslint-disable-next-line @eslint-react/no-array-index-key
                  <div key={i}>
                    {s.destination}: {s.what.toLowerCase()}, {s.status}
                  </div>
                ))}
              </td>
            </tr>
          );
        })}
      </DataTable>
      <OlderLink path="/alerts" filters={{}} cursor={nextCursor}>
        Older alerts
      </OlderLink>
    </div>
  );
}
