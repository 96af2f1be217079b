// What a page looks like while its data streams in: grey blocks in the shape
// of what is coming, marked busy for assistive technology. Pages check the
// session first and then stream behind these (no route-level loading.tsx,
// which would turn a sign-in redirect or a 404 into a 200).

const block = "animate-pulse rounded bg-slate-100";

/** Rows of a table in one card, or cards one below the other. */
export function ListSkeleton({ label, shape = "table", rows = 8 }: { label: string; shape?: "table" | "cards"; rows?: number }) {
  return (
    <div aria-busy="true" aria-label={label} data-testid="skeleton">
      {shape === "table" ? (
        <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className={`h-9 ${block}`} />
          ))}
        </div>
      ) : (
        <div className="space-y-3">
          <div className={`h-5 w-40 ${block} bg-slate-200`} />
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className="h-40 animate-pulse rounded-xl border border-slate-200 bg-white" />
          ))}
        </div>
      )}
    </div>
  );
}

/** The overview: six KPI cards and four chart panels. */
export function OverviewSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading the overview" data-testid="skeleton">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-[6.5rem] space-y-2 rounded-xl border border-slate-200 bg-white p-4">
            <div className={`h-3 w-20 ${block}`} />
            <div className={`h-7 w-16 ${block}`} />
            <div className={`h-3 w-28 ${block}`} />
          </div>
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
            <div className={`h-4 w-32 ${block}`} />
            <div className={`h-56 ${block}`} />
          </div>
        ))}
      </div>
    </div>
  );
}
