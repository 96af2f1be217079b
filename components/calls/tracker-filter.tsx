"use client";

import { useEffect, useState } from "react";

// The call list's tracker filter: the trackers come from GET /api/trackers
// (any signed-in user may read them). A shared link may name several ("a,b"):
// kept as one option, so another change does not drop them.

interface TrackerOption {
  id: string;
  name: string;
}

function useTrackers(): TrackerOption[] {
  const [trackers, setTrackers] = useState<TrackerOption[]>([]);
  useEffect(() => {
    const abort = new AbortController();
    fetch("/api/trackers", { signal: abort.signal })
      .then((res) => (res.ok ? res.json() : { trackers: [] }))
      .then((data: { trackers: TrackerOption[] }) => setTrackers(data.trackers.map((t) => ({ id: t.id, name: t.name }))))
      .catch(() => {});
    return () => abort.abort();
  }, []);
  return trackers;
}

export function TrackerFilter({ current, onChange }: { current: string; onChange: () => void }) {
  const trackers = useTrackers();
  const names = new Map(trackers.map((t) => [t.id, t.name]));
  const several = current && !names.has(current) ? current : null;
  return (
    <label className="flex flex-col text-xs font-medium text-slate-600">
      Tracker
      {/* Re-mounted when the options arrive, so the URL's value is selected. */}
      <select key={`${current}:${trackers.length}`} name="tracker" defaultValue={current} onChange={onChange} className="input mt-1 max-w-44 py-1.5">
        <option value="">All</option>
        {several && (
          <option value={several}>
            {several
              .split(",")
              .map((id) => names.get(id) ?? "Deleted tracker")
              .join(", ")}
          </option>
        )}
        {trackers.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}
