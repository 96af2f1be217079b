"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useRef, useState } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { isCurrentItem, type NavItem } from "./nav-items";
import { NavLink } from "./nav-link";

/**
 * The header's links: in a row from 768 px on, behind a "Menu" disclosure
 * below. The menu remembers the path it was opened on, so moving to another
 * page closes it without an effect.
 */
export function HeaderNav({ items, menuItems, who, role }: { items: NavItem[]; menuItems: NavItem[]; who: string; role: string }) {
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = () => setOpenOn(null);

  const account = (
    <Link
      href="/account"
      title={`Your account: ${who}`}
      aria-current={pathname === "/account" ? "page" : undefined}
      className="flex min-w-0 items-center gap-1 rounded-md px-2 py-1.5 text-slate-700 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      <span className="truncate">{who}</span>
      <span className="shrink-0 text-slate-500">· {role}</span>
    </Link>
  );

  return (
    <>
      <nav aria-label="Main" className="hidden min-w-0 flex-1 items-center gap-1 text-sm md:flex">
        <div className="flex min-w-0 flex-wrap gap-1">
          {items.map((item) => (
            <NavLink key={item.href} item={item} current={isCurrentItem(item, pathname)} />
          ))}
        </div>
        <div className="ml-auto flex max-w-64 min-w-0 shrink items-center gap-2 pl-2">
          {account}
          <SignOutButton />
        </div>
      </nav>

      <div
        className="ml-auto md:hidden"
        // Focus moving elsewhere (a tab past the last link, a click on the page) closes the menu.
        onBlur={(e) => {
          if (open && !e.currentTarget.contains(e.relatedTarget)) close();
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape" && open) {
            close();
            buttonRef.current?.focus();
          }
        }}
      >
        <button
          ref={buttonRef}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpenOn(open ? null : pathname)}
          className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
            {open ? (
              <path d="M5.3 4.3a1 1 0 0 0-1.4 1.4L8.6 10l-4.7 4.3a1 1 0 1 0 1.4 1.4L10 11.4l4.3 4.3a1 1 0 0 0 1.4-1.4L11.4 10l4.3-4.3a1 1 0 0 0-1.4-1.4L10 8.6 5.3 4.3Z" />
            ) : (
              <path d="M3 5h14a1 1 0 1 0 0-2H3a1 1 0 0 0 0 2Zm14 4H3a1 1 0 0 0 0 2h14a1 1 0 1 0 0-2Zm0 6H3a1 1 0 1 0 0 2h14a1 1 0 1 0 0-2Z" />
            )}
          </svg>
          Menu
        </button>
        <nav
          id={panelId}
          aria-label="Main"
          hidden={!open}
          className="absolute inset-x-0 top-14 z-20 border-b border-slate-200 bg-white px-4 pt-2 pb-4 text-sm shadow-lg"
        >
          <ul className="flex flex-col gap-1">
            {menuItems.map((item) => (
              <li key={item.href}>
                <NavLink item={item} current={isCurrentItem(item, pathname)} onNavigate={close} className="flex w-full py-2.5" />
              </li>
            ))}
          </ul>
          <div className="mt-3 flex items-center justify-between gap-2 border-t border-slate-200 pt-3">
            {account}
            <SignOutButton />
          </div>
        </nav>
      </div>
    </>
  );
}
