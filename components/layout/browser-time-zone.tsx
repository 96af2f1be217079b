"use client";

import { useEffect } from "react";

/**
 * Until an admin chooses the organisation's time zone, the first admin to
 * sign in offers their browser's. The server keeps it only if none is set by
 * then, so this never undoes a choice.
 */
export function BrowserTimeZone() {
  useEffect(() => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!timeZone) return;
    const abort = new AbortController();
    // Nothing to tell anyone when this fails: the zone stays UTC and an admin can set it.
    void fetch("/api/settings/time-zone", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ timeZone, ifUnset: true }),
      signal: abort.signal,
    }).catch(() => {});
    return () => abort.abort();
  }, []);
  return null;
}
