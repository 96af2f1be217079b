"use client";

import { usePathname } from "next/navigation";
import { ADMIN_NAV, isCurrent } from "./nav-items";
import { NavLink } from "./nav-link";

/** The admin pages as tabs above each of them (the header has one "Admin" entry for all). */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="mb-5 hidden border-b border-slate-200 pb-2 text-sm md:block">
      <ul className="flex flex-wrap gap-1">
        {ADMIN_NAV.map((item) => (
          <li key={item.href}>
            <NavLink item={item} current={isCurrent(item.href, pathname)} />
          </li>
        ))}
      </ul>
    </nav>
  );
}
