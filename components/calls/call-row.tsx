"use client";

import { useListNavigation } from "./navigation";

/**
 * A table row that opens its call when clicked anywhere. The customer's name
 * inside it is the real link (keyboard, new tab); clicks on it, on other
 * links, or that end a text selection are left alone.
 */
export function CallRow({ href, children }: { href: string; children: React.ReactNode }) {
  const { navigate } = useListNavigation();
  return (
    <tr
      data-testid="call-row"
      className="cursor-pointer hover:bg-slate-50"
      onClick={(e) => {
        if ((e.target as HTMLElement).closest("a, button, input, select") || window.getSelection()?.toString()) return;
        if (e.metaKey || e.ctrlKey) window.open(href, "_blank", "noopener");
        else navigate(href);
      }}
    >
      {children}
    </tr>
  );
}
