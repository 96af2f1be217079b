import Link from "next/link";
import { DestinationForm } from "@/components/admin/destination-form";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { requireViewer } from "@/lib/auth/session";
import { sourceNames } from "@/lib/sources/names";
import { DESTINATION_KIND_LABEL, destinationFormCatalog } from "@/lib/destinations/kinds/catalog";
import { listDestinations } from "@/lib/destinations/manage";
import { describeRules } from "@/lib/destinations/rules";

export const metadata = { title: "Forwarding · Call Analytics" };

const td = "px-4 py-3 align-top";

export default async function DestinationsPage() {
  await requireViewer("admin", "/admin/destinations");
  const [destinations, sources] = await Promise.all([listDestinations(), sourceNames()]);
  const sourceName = (id: string) => sources.find((s) => s.id === id)?.name ?? "a deleted source";

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Forwarding</h1>
        <p className="text-sm text-slate-600">
          Calls that match a destination&apos;s rules are sent there once they have finished: to HubSpot as a contact with a note and a task, to Slack as a
          message, or to your own endpoint as signed JSON. Failed sends are retried with growing waits.
        </p>
      </div>
      {destinations.length === 0 ? (
        <EmptyState title="Nothing is forwarded yet">Add a destination below: a Slack channel for hot leads is a good start.</EmptyState>
      ) : (
        <DataTable columns={["Destination", "Sends", "Last 24 hours", "Last delivered"]}>
          {destinations.map((d) => (
            <tr key={d.id} data-testid="destination-row">
              <td className={td}>
                <Link href={`/admin/destinations/${d.id}`} className="font-medium text-indigo-700 hover:underline">
                  {d.name}
                </Link>{" "}
                <span className="text-xs text-slate-500">{DESTINATION_KIND_LABEL[d.kind]}</span>
                <div className="mt-1">
                  {d.enabled ? (
                    <Badge tone="green">on</Badge>
                  ) : (
                    <Badge tone={d.disabledReason ? "red" : "gray"}>{d.disabledReason ? "turned off" : "off"}</Badge>
                  )}
                </div>
                {d.disabledReason && <p className="mt-1 max-w-sm text-xs text-rose-700">{d.disabledReason}</p>}
              </td>
              <td className={`${td} text-slate-600`}>{describeRules(d.rules, sourceName)}</td>
              <td className={`${td} whitespace-nowrap`}>
                <span className="text-emerald-700">{d.counts.delivered} delivered</span>
                {d.counts.failed > 0 && <span className="text-rose-700"> · {d.counts.failed} failed</span>}
                {d.counts.pending > 0 && <span className="text-sky-700"> · {d.counts.pending} waiting</span>}
              </td>
              <td className={`${td} whitespace-nowrap text-slate-600`}>
                {d.counts.lastDeliveredAt ? <LocalTime iso={d.counts.lastDeliveredAt.toISOString()} /> : "Never"}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="add-title">
        <h2 id="add-title" className="mb-3 text-lg font-semibold tracking-tight">
          Add a destination
        </h2>
        <DestinationForm sources={sources} catalog={destinationFormCatalog()} />
      </section>
    </div>
  );
}
