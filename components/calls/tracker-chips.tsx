import type { CallTrackerHits } from "./tracker-hits";
import { SeekLink } from "./seek-link";

/** The trackers a call matched, with their hit counts; each jumps to its first hit. */
export function TrackerChips({ trackers }: { trackers: CallTrackerHits[] }) {
  const found = trackers.filter((t) => t.hits.length > 0);
  if (found.length === 0) return null;
  return (
    <ul className="mb-3 flex flex-wrap gap-2" aria-label="Trackers in this call">
      {found.map((t) => (
        <li key={t.id}>
          <SeekLink
            turn={t.hits[0].turn}
            ms={t.hits[0].atMs}
            label={`${t.name}: ${t.hitCount} ${t.hitCount === 1 ? "mention" : "mentions"}, play the first`}
            className="inline-flex items-center gap-1 rounded-full bg-amber-50 px-2.5 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-200 hover:bg-amber-100"
          >
            {t.name}
            <span className="text-amber-700 tabular-nums">{t.hitCount}</span>
          </SeekLink>
        </li>
      ))}
    </ul>
  );
}
