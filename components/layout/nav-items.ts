/** One entry of the header's navigation; `badge` is a count shown beside it (for example calls due for follow-up). */
export interface NavItem {
  href: string;
  label: string;
  badge?: number;
}

export const NAV: NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/calls", label: "Calls" },
  { href: "/hot-leads", label: "Hot leads" },
  { href: "/compare", label: "Compare" },
];

export const ADMIN_NAV: NavItem[] = [
  { href: "/admin/sources", label: "Sources" },
  { href: "/admin/inbox", label: "Inbox" },
  { href: "/admin/destinations", label: "Forwarding" },
  { href: "/admin/trackers", label: "Trackers" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/audit", label: "Audit" },
];

/** Whether `href` is the page at `pathname` or one of its sub-pages ("/" only matches itself). */
export function isCurrent(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}
