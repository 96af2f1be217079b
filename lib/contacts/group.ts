import type { TimelineCall, TimelineEntry } from "./schemas";

/**
 * Calls (newest first) as timeline entries: dial attempts of one lead (same
 * vendor, same group key, one right after another) become one entry, so time
 * order is kept; anything else is an entry of its own.
 */
export function groupAttempts(calls: TimelineCall[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const call of calls) {
    const last = entries.at(-1);
    const first = last?.calls[0];
    if (last && first && call.groupKey && first.groupKey === call.groupKey && first.provider === call.provider) last.calls.push(call);
    else entries.push({ groupKey: call.groupKey, calls: [call] });
  }
  return entries;
}

/** A summary cut to `max` characters at a word boundary, with "…". */
export function shorten(text: string | null, max: number): string | null {
  if (text === null || text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
