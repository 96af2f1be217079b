import Link from "next/link";
import { ALERT_TITLES } from "@/components/admin/labels";
import { LocalTime } from "@/components/ui/local-time";
import type { OpenAlert } from "@/lib/sources/alerts";

/** Open source alerts, so that a feed that stopped or broke is noticed before the numbers mislead. */
export function SourceAlerts({ alerts, isAdmin }: { alerts: OpenAlert[]; isAdmin: boolean }) {
  if (alerts.length === 0) return null;
  return (
    <section role="alert" aria-label="Source alerts" className="rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <h2 className="font-semibold">
        {alerts.length === 1 ? "A source needs attention" : `${alerts.length} source alerts`}
        {isAdmin && (
          <Link href="/admin/sources" className="ml-2 font-normal underline underline-offset-2">
            Open sources
          </Link>
        )}
      </h2>
      <ul className="mt-1 space-y-0.5">
        {alerts.map((a) => (
          <li key={a.id}>
            <span className="font-medium">{a.source.name}</span> · {ALERT_TITLES[a.kind] ?? a.kind}: {a.detail}{" "}
            <span className="text-amber-700">
              (since <LocalTime iso={a.openedAt.toISOString()} />)
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
