import Link from "next/link";
import type { Viewer } from "@/lib/auth/session";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { FollowUpsNavLink } from "@/components/follow-ups/nav-link";

const NAV = [
  { href: "/", label: "Overview" },
  { href: "/calls", label: "Calls" },
  { href: "/hot-leads", label: "Hot leads" },
];

const ADMIN_NAV = [
  { href: "/admin/sources", label: "Sources" },
  { href: "/admin/inbox", label: "Inbox" },
  { href: "/admin/destinations", label: "Forwarding" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/settings", label: "Scoring" },
  { href: "/admin/audit", label: "Audit" },
];

export function AppHeader({ viewer }: { viewer: Viewer }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4 sm:px-6">
        <Link href="/" className="font-semibold tracking-tight text-slate-900">
          Call Analytics
        </Link>
        <nav className="flex gap-1 text-sm">
          <FollowUpsNavLink className="rounded-md px-3 py-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900" />
          {[...NAV, ...(viewer.role === "admin" ? ADMIN_NAV : [])].map((item) => (
            <Link key={item.href} href={item.href} className="rounded-md px-3 py-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm text-slate-600">
          <Link href="/account" className="rounded-md px-2 py-1 hover:bg-slate-100 hover:text-slate-900" title="Your account">
            {viewer.name ?? viewer.email} <span className="text-slate-400">· {viewer.role}</span>
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
