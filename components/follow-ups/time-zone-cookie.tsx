"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// Only the browser knows its time zone: it tells the server once (a cookie),
// and the page is drawn again with days and times in that zone.
export function TimeZoneCookie({ current }: { current: string | null }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === current) return;
    document.cookie = `tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [current, router]);
  return null;
}
