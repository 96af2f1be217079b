import { LocalTime } from "@/components/ui/local-time";
import type { SpoolStatus } from "@/lib/ingest/spool/status";

// Webhooks kept on this machine's disk while the database could not take them
// (lib/ingest/spool). Normally there are none and this shows nothing; after an
// outage it shows until the drain has stored them all.

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

export function SpoolBanner({ spool }: { spool: SpoolStatus }) {
  if (spool.files === 0 || !spool.oldestAt) return null;
  return (
    <p role="status" className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      Webhooks received while the database was unreachable are waiting in this machine&apos;s spool ({size(spool.bytes)}, since{" "}
      <LocalTime iso={spool.oldestAt} />
      ). They are stored as calls as soon as the database takes them; nothing needs doing unless this stays.
    </p>
  );
}
