import Link from "next/link";
import type { Viewer } from "@/lib/auth/session";
import { countDueFollowUps } from "@/lib/follow-ups/count";
import { HeaderNav } from "./header-nav";
import { ADMIN_ENTRY, ADMIN_NAV, NAV } from "./nav-items";

export async function AppHeader({ viewer }: { viewer: Viewer }) {
  // Follow-ups come first: they are the managers' start page, with how many are due now.
  const followUps = { href: "/follow-ups", label: "Follow-ups", badge: await countDueFollowUps() };
  const admin = viewer.role === "admin";
  // Wide screens show the admin pages as one entry (their own tabs below it); the phone menu lists them all.
  const items = [followUps, ...NAV, ...(admin ? [ADMIN_ENTRY] : [])];
  const menuItems = [followUps, ...NAV, ...(admin ? ADMIN_NAV : [])];
  return (
    <header className="relative border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-[90rem] items-center gap-4 px-4 sm:px-6">
        <Link href="/" className="shrink-0 font-semibold tracking-tight text-slate-900">
          Call Analytics
        </Link>
        <HeaderNav items={items} menuItems={menuItems} who={viewer.name ?? viewer.email} role={viewer.role} />
      </div>
    </header>
  );
}
