/** What a list says when it has nothing to show: a title, and what to do about it. */
export function EmptyState({ title, children }: { title?: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center text-sm text-slate-600">
      {title && <p className="text-base font-medium text-slate-900">{title}</p>}
      {children ? <p className={title ? "mt-1" : ""}>{children}</p> : null}
    </div>
  );
}
