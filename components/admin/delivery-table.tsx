import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
import { deliveryKind } from "@/lib/destinations/delivery-kinds";
import { DESTINATION_KIND_LABEL } from "@/lib/destinations/kinds/catalog";
import type { DeliveryRow } from "@/lib/destinations/log";
import { ReplayDeliveryButton } from "./destination-actions";
import { DELIVERY_STATUS_TONE } from "./labels";

const td = "px-4 py-3 align-top";

function What({ d, showDestination }: { d: DeliveryRow; showDestination: boolean }) {
  if (showDestination) {
    return (
      <Link href={`/admin/destinations/${d.destination.id}`} className="text-indigo-700 hover:underline">
        {d.destination.name} <span className="text-xs text-slate-500">({DESTINATION_KIND_LABEL[d.destination.kind]})</span>
      </Link>
    );
  }
  const logText = deliveryKind(d.kind).logText;
  if (logText) return <span className="text-slate-600">{logText}</span>;
  return d.callId ? (
    <Link href={`/calls/${d.callId}`} className="text-indigo-700 hover:underline">
      {d.call?.customerName ?? d.call?.customerPhone ?? "Call"}
    </Link>
  ) : (
    <span className="text-slate-500">Deleted call</span>
  );
}

/** A delivery log: one row per delivery with its latest attempt, and replay for finished ones. */
export function DeliveryTable({ rows, showDestination = false }: { rows: DeliveryRow[]; showDestination?: boolean }) {
  return (
    <DataTable columns={[showDestination ? "Destination" : "What", "Status", "Attempts", "Answer", "Created", ""]}>
      {rows.map((d) => (
        <tr key={d.id} data-testid="delivery-row">
          <td className={td}>
            <What d={d} showDestination={showDestination} />
          </td>
          <td className={td}>
            <Badge tone={DELIVERY_STATUS_TONE[d.status]}>{d.status === "pending" && d.attempts > 0 ? "retrying" : d.status}</Badge>
            {d.status === "pending" && d.nextAttemptAt && (
              <div className="mt-1 text-xs text-slate-500">
                next try <LocalTime iso={d.nextAttemptAt.toISOString()} />
              </div>
            )}
          </td>
          <td className={`${td} tabular-nums`}>{d.attempts}</td>
          <td className={`${td} max-w-md`}>
            {d.responseCode !== null && <span className="font-mono text-xs">HTTP {d.responseCode} </span>}
            <span className="text-xs break-words text-slate-600">{d.responseExcerpt}</span>
          </td>
          <td className={`${td} whitespace-nowrap text-slate-600`}>
            <LocalTime iso={d.createdAt.toISOString()} />
          </td>
          <td className={td}>{d.status !== "pending" && <ReplayDeliveryButton id={d.id} />}</td>
        </tr>
      ))}
    </DataTable>
  );
}
