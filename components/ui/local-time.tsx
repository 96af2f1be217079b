"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

// Times are stored in UTC and shown in the viewer's own time zone, which only
// the browser knows: the server renders UTC, the browser switches after hydration.
export function LocalTime({ iso }: { iso: string }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const date = new Date(iso);
  const text = inBrowser
    ? date.toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })
    : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return (
    <time dateTime={iso} title={date.toISOString()}>
      {text}
    </time>
  );
}
