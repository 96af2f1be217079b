/** One entry of the header's navigation; `badge` is a count shown beside it (for example calls due for follow-up). */
export interface NavItem {
  href: string;
  label: string;
  badge?: number;
  /** The section it stands for when wider than its page ("/admin": every admin page). */
  section?: string;
}

export const NAV: NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/calls", label: "Calls" },
  { href: "/hot-leads", label: "Hot leads" },
  { href: "/compare", label: "Compare" },
  { href: "/alerts", label: "Alerts" },
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

/** The admin pages as one header entry on wide screens; the admin layout lists them (AdminNav). */
export const ADMIN_ENTRY: NavItem = { href: "/admin/sources", label: "Admin", section: "/admin" };

/** Whether an entry is the current page or section. */
export const isCurrentItem = (item: NavItem, pathname: string) => isCurrent(item.section ?? item.href, pathname);

/** Whether `href` is the page at `pathname` or one of its sub-pages ("/" only matches itself). */
export function isCurrent(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}
