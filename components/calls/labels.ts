import type { Tone } from "@/components/ui/badge";

// How canonical values read and look in the dashboard. Vendors' names come
// from their catalog entries.

export { PROVIDER_NAMES } from "@/lib/providers/lookup";

/**
 * Identifiers read as words: "meeting_scheduled" and "clientName" become
 * "Meeting scheduled" and "Client name". Text that already has spaces is
 * someone's wording and stays as it is.
 */
export function humanize(value: string): string {
  if (/\s/.test(value)) return value;
  const words = value
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const SENTIMENT_TONE: Record<string, Tone> = { positive: "green", neutral: "gray", negative: "red", mixed: "amber" };

export const STATUS_TONE: Record<string, Tone> = {
  completed: "green",
  no_answer: "gray",
  busy: "amber",
  failed: "red",
  voicemail: "violet",
  in_progress: "blue",
  unknown: "gray",
};

export const OUTCOME_TONE: Record<string, Tone> = {
  meeting_scheduled: "green",
  interested: "green",
  callback_requested: "blue",
  not_interested: "red",
};

export function formatDuration(sec: number | null): string {
  if (sec === null) return "–";
  const m = Math.floor(sec / 60);
  return `${m}:${String(sec % 60).padStart(2, "0")}`;
}
