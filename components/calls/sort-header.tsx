import { ListLink } from "./navigation";

/** A column heading that re-orders the list; the arrow shows the current direction, aria-sort on its <th> says it. */
export function SortHeader({ label, href, direction, hint }: { label: string; href: string; direction: "ascending" | "descending" | "none"; hint: string }) {
  const arrow = direction === "ascending" ? "↑" : direction === "descending" ? "↓" : "↕";
  return (
    <ListLink
      href={href}
      title={hint}
      className={`inline-flex items-center gap-1 rounded-sm uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 ${direction === "none" ? "" : "text-slate-900"}`}
    >
      {label}
      <span aria-hidden="true" className={direction === "none" ? "text-slate-400" : ""}>
        {arrow}
      </span>
      <span className="sr-only">, {hint}</span>
    </ListLink>
  );
}
