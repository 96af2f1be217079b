"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { createContext, use, useTransition } from "react";

// Filters, sorting and page links of the call list move through one
// transition, so the results can show that new ones are on their way.

interface ListNavigation {
  pending: boolean;
  navigate: (href: string) => void;
}

const Context = createContext<ListNavigation>({ pending: false, navigate: () => {} });

export function ListNavigationProvider({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const navigate = (href: string) => startTransition(() => router.push(href));
  return <Context value={{ pending, navigate }}>{children}</Context>;
}

export const useListNavigation = () => use(Context);

/** The results while a new list is on its way: dimmed, marked busy, with a progress line on top. */
export function PendingArea({ children }: { children: React.ReactNode }) {
  const { pending } = useListNavigation();
  return (
    <div aria-busy={pending} data-testid="calls-results" className="relative">
      {pending && (
        <div role="progressbar" aria-label="Loading calls" className="absolute inset-x-0 -top-2 h-1 overflow-hidden rounded-full bg-indigo-100">
          <div className="h-full w-1/3 animate-[progress_1s_ease-in-out_infinite] rounded-full bg-indigo-600" />
        </div>
      )}
      <div className={pending ? "pointer-events-none opacity-50 transition-opacity" : undefined}>{children}</div>
    </div>
  );
}

/** A real link (opens in a new tab, works without script) whose plain click navigates within the list's transition. */
export function ListLink({ href, ...props }: React.ComponentProps<typeof Link> & { href: string }) {
  const { navigate } = useListNavigation();
  return (
    <Link
      {...props}
      href={href}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(href);
      }}
    />
  );
}
