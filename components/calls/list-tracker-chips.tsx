import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { CallListItem } from "@/lib/calls/schemas";

/** At most this many chips per call; the rest as "+n". */
const SHOWN = 3;

/**
 * The trackers a call hit, as chips. In the table each one filters the list by
 * its tracker; inside a card (itself a link) they are plain labels.
 */
export function ListTrackerChips({ call, links = false }: { call: CallListItem; links?: boolean }) {
  const trackers = call.trackers ?? [];
  if (trackers.length === 0) return <span className="text-slate-400">–</span>;
  const more = trackers.slice(SHOWN);
  return (
    <div className="flex flex-wrap gap-1" data-testid="call-trackers">
      {trackers.slice(0, SHOWN).map((t) =>
        links ? (
          <Link key={t.id} href={`/calls?tracker=${t.id}`} title={`Calls that mention ${t.name}`} className="rounded-md hover:opacity-80">
            <Badge tone="blue">{t.name}</Badge>
          </Link>
        ) : (
          <Badge key={t.id} tone="blue">
            {t.name}
          </Badge>
        ),
      )}
      {more.length > 0 && (
        <span className="text-xs text-slate-600" title={more.map((t) => t.name).join(", ")}>
          +{more.length}
        </span>
      )}
    </div>
  );
}
