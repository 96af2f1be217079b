"use client";

import Link, { useLinkStatus } from "next/link";
import type { NavItem } from "./nav-items";

/** A header link; the current page is marked for assistive technology (aria-current) and by its look. */
export function NavLink({ item, current, onNavigate, className = "" }: { item: NavItem; current: boolean; onNavigate?: () => void; className?: string }) {
  return (
    <Link
      href={item.href}
      aria-current={current ? "page" : undefined}
      onClick={onNavigate}
      className={`inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${
        current ? "bg-indigo-50 font-medium text-indigo-800" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"
      } ${className}`}
    >
      {item.label}
      <PendingMark />
      {item.badge !== undefined && item.badge > 0 && (
        // "Due now": the page it leads to counts every open one, including those with a callback still ahead.
        <span
          className="rounded-full bg-rose-600 px-1.5 py-px text-xs leading-4 font-semibold text-white tabular-nums"
          data-testid="nav-badge"
          title={`${item.badge} due now`}
        >
          {item.badge > 99 ? "99+" : item.badge}
          <span className="sr-only"> due now</span>
        </span>
      )}
    </Link>
  );
}

/** While the page a header link leads to is loading: a spinning mark beside it (pages stream their own skeletons after that). */
function PendingMark() {
  const { pending } = useLinkStatus();
  if (!pending) return null;
  return (
    <span role="status" className="size-3 animate-spin rounded-full border-2 border-indigo-200 border-t-indigo-700">
      <span className="sr-only">Loading</span>
    </span>
  );
}
