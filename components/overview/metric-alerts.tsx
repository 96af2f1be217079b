import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import type { AlertItem } from "@/lib/alerts/history";

/** Open metric alerts (the viewer's rules; an admin's: everyone's), linking to the Alerts page. */
export function MetricAlerts({ alerts }: { alerts: AlertItem[] }) {
  if (alerts.length === 0) return null;
  return (
    <section role="alert" aria-label="Metric alerts" className="rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <h2 className="font-semibold">
        {alerts.length === 1 ? "A metric alert is open" : `${alerts.length} metric alerts are open`}
        <Link href="/alerts" className="ml-2 font-normal underline underline-offset-2">
          Open alerts
        </Link>
      </h2>
      <ul className="mt-1 space-y-0.5">
        {alerts.map((a) => (
          <li key={a.id}>
            <span className="font-medium">{a.rule.name}</span>: {a.measured}{" "}
            <span className="text-amber-700">
              (since <LocalTime iso={a.openedAt} />)
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
