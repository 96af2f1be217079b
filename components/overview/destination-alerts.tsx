import Link from "next/link";

/** Destinations the system turned off (a 410, repeated failures): forwarding has stopped until an admin looks. */
export function DestinationAlerts({ destinations }: { destinations: { id: string; name: string; disabledReason: string | null }[] }) {
  if (destinations.length === 0) return null;
  return (
    <section role="alert" aria-label="Forwarding stopped" className="rounded-xl border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-900">
      <h2 className="font-semibold">Forwarding stopped</h2>
      <ul className="mt-1 space-y-0.5">
        {destinations.map((d) => (
          <li key={d.id}>
            <Link href={`/admin/destinations/${d.id}`} className="font-medium underline underline-offset-2">
              {d.name}
            </Link>{" "}
            was turned off: {d.disabledReason}
          </li>
        ))}
      </ul>
    </section>
  );
}
