/** What the call list looks like while its page loads. */
export function CallsSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading calls">
      <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-9 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
