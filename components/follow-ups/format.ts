import type { FollowUp } from "@/lib/follow-ups/query";

// Text for a follow-up row, in the viewer's time zone (the page knows it from
// the tz cookie, so times are right in the first HTML, with no flash).

export function formatWhen(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString("en-US", { timeZone, weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
}

/** Why this call is in the queue, in a few words each. */
export function reasonsText(item: FollowUp): string[] {
  return item.reasons.map((r) => (r === "callback" ? "Callback asked for" : r === "hot" ? `Hot lead, score ${item.leadScore}` : "Vendor's next step"));
}
