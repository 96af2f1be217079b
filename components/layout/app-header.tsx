import Link from "next/link";
import type { Viewer } from "@/lib/auth/session";
import { HeaderNav } from "./header-nav";
import { ADMIN_NAV, NAV, type NavItem } from "./nav-items";

export function AppHeader({ viewer, extraNav = [] }: { viewer: Viewer; extraNav?: NavItem[] }) {
  const items = [...extraNav, ...NAV, ...(viewer.role === "admin" ? ADMIN_NAV : [])];
  return (
    <header className="relative border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-[90rem] items-center gap-4 px-4 sm:px-6">
        <Link href="/" className="shrink-0 font-semibold tracking-tight text-slate-900">
          Call Analytics
        </Link>
        <HeaderNav items={items} who={viewer.name ?? viewer.email} role={viewer.role} />
      </div>
    </header>
  );
}
