import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { DESTINATION_KIND_LABEL } from "@/lib/destinations/kinds/catalog";
import type { DeliveryRow } from "@/lib/destinations/log";
import { ReplayDeliveryButton } from "./destination-actions";
import { DELIVERY_STATUS_TONE } from "./labels";

/** Where one call was forwarded, for the call page's side column. */
export function CallDeliveries({ rows }: { rows: DeliveryRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">Not forwarded: no destination&apos;s rules matched this call.</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {rows.map((d) => (
        <li key={d.id} data-testid="call-delivery" className="flex items-start justify-between gap-2 py-2">
          <div className="min-w-0">
            <Link href={`/admin/destinations/${d.destination.id}`} className="font-medium text-indigo-700 hover:underline">
              {d.destination.name}
            </Link>{" "}
            <span className="text-xs text-slate-500">{DESTINATION_KIND_LABEL[d.destination.kind]}</span>
            <div className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
              <Badge tone={DELIVERY_STATUS_TONE[d.status]}>{d.status === "pending" && d.attempts > 0 ? "retrying" : d.status}</Badge>
              {d.attempts > 1 && <span>{d.attempts} attempts</span>}
              {d.responseCode !== null && <span className="font-mono">HTTP {d.responseCode}</span>}
              <LocalTime iso={(d.deliveredAt ?? d.createdAt).toISOString()} />
              {d.status === "pending" && d.nextAttemptAt && (
                <span>
                  · next try <LocalTime iso={d.nextAttemptAt.toISOString()} />
                </span>
              )}
            </div>
            {d.status !== "delivered" && d.responseExcerpt && <p className="mt-0.5 text-xs break-words text-slate-500">{d.responseExcerpt}</p>}
          </div>
          {d.status !== "pending" && <ReplayDeliveryButton id={d.id} />}
        </li>
      ))}
    </ul>
  );
}
