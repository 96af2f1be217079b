import { AlertHistory } from "@/components/alerts/alert-history";
import { AlertRules } from "@/components/alerts/alert-rules";
import { requireViewer } from "@/lib/auth/session";
import { listAlerts } from "@/lib/alerts/history";
import { listRules } from "@/lib/alerts/manage";
import { ruleOptions } from "@/lib/alerts/options";
import { alertsQuery } from "@/lib/alerts/schemas";

export const metadata = { title: "Alerts · Call Analytics" };

export default async function AlertsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const viewer = await requireViewer("manager", "/alerts");
  const query = alertsQuery.safeParse({ cursor: (await searchParams).cursor, limit: 50 });
  const admin = viewer.role === "admin";
  const [rules, history, options] = await Promise.all([
    listRules(viewer),
    listAlerts(viewer, query.success ? query.data : { limit: 50 }).catch(() => listAlerts(viewer, { limit: 50 })),
    ruleOptions(viewer.id, viewer.role === "admin"),
  ]);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight">Alerts</h1>
        <p className="max-w-3xl text-sm text-slate-600">
          A rule watches a number (calls, connect rate, hot leads, negative sentiment, meetings, a tracker&apos;s mentions, a source&apos;s silence) over a
          window of time, for a saved view or every call, and tells you by email, Slack or a webhook when it crosses your threshold, and again when it clears.
          Rules are checked every minute. {admin ? "As an admin you see everyone's rules." : "Your rules are your own."}
        </p>
      </div>
      <AlertRules rules={rules} options={options} showOwner={admin} />
      <section aria-labelledby="history" className="space-y-2">
        <h2 id="history" className="font-semibold text-slate-900">
          History
        </h2>
        <AlertHistory items={history.items} nextCursor={history.nextCursor} showOwner={admin} />
      </section>
    </div>
  );
}
