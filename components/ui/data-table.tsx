/** A column heading: its text, classes for alignment or width, and how the rows are sorted by it (if they can be). */
export type Column = string | { label: React.ReactNode; className?: string; sort?: "ascending" | "descending" | "none" };

/** The bordered table every list page uses: heading row from `columns`, rows as children. It scrolls sideways inside itself, never the page. */
export function DataTable({ columns, children, compact = false }: { columns: Column[]; children: React.ReactNode; compact?: boolean }) {
  return (
    // Focusable, so a keyboard can scroll a table wider than the screen (WCAG 2.1.1).
    <div
      tabIndex={0}
      className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase">
          <tr>
            {columns.map((column, i) => {
              const { label, className = "", sort } = typeof column === "string" ? { label: column } : column;
              return (
                // A table's columns are fixed and never reorder, and headings can repeat ("" over action columns): the position is the key.
                // eslint-disable-next-line @eslint-react/no-array-index-key
                <th key={i} scope="col" aria-sort={sort} className={`${compact ? "px-3" : "px-4"} py-3 ${className}`}>
                  {label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
