/** What the queue looks like while a view, filter or page loads. */
export function FollowUpsSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading follow-ups">
      <div className="h-7 w-40 animate-pulse rounded bg-slate-200" />
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} className="h-40 animate-pulse rounded-xl border border-slate-200 bg-white" />
      ))}
    </div>
  );
}
