import type { Tone } from "@/components/ui/badge";

// Words and colours of the admin pages, in one place.

/** A raw event's status (stored, duplicate, …). */
export const RAW_STATUS_TONE: Record<string, Tone> = { stored: "green", duplicate: "gray", rejected: "amber", failed: "red", received: "blue" };

/** A source alert's kind. */
export { ALERT_TITLES } from "@/lib/sources/alert-titles";
