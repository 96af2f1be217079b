import type { Tone } from "@/components/ui/badge";

// Words and colours of the admin pages, in one place.

/** A raw event's status (stored, duplicate, …). */
export const RAW_STATUS_TONE: Record<string, Tone> = { stored: "green", duplicate: "gray", rejected: "amber", failed: "red", received: "blue" };

/** A source alert's kind. */
export { ALERT_TITLES } from "@/lib/sources/alert-titles";

/** A delivery's status. */
export const DELIVERY_STATUS_TONE: Record<string, Tone> = { delivered: "green", pending: "blue", failed: "red", skipped: "gray" };

/** What the webhook answered a test event, in words (its status code stays in the API). */
export const WEBHOOK_ANSWER_TEXT: Record<string, string> = {
  stored: "Received and stored.",
  duplicate: "Received: the same call was already stored.",
};
