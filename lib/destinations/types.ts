import type { CallDetail } from "@/lib/calls/schemas";

// What a destination is asked to send, and what came back.

export interface AlertEvent {
  id: string;
  kind: string;
  title: string;
  detail: string;
  sourceName: string;
  openedAt: string;
}

/** A metric alert rule's alert (lib/alerts), opening or clearing. */
export interface MetricAlertEvent {
  id: string;
  ruleName: string;
  metric: string;
  /** The condition, short: "Connect rate below 40%". */
  condition: string;
  /** The metric in the window when it opened (or cleared), and in the window before for a change rule. */
  value: number;
  previous: number | null;
  /** The same, as people read them ("32%"). */
  valueText: string;
  previousText: string | null;
  threshold: number;
  comparison: string;
  state: "opened" | "cleared";
  windowMinutes: number;
  /** The value with its window: "33% in the last hour", "95 min since its last event". */
  measured: string;
  /** The saved view it watches; null for every call. */
  viewName: string | null;
  openedAt: string;
  clearedAt: string | null;
}

export type Outgoing =
  | { type: "call.forwarded"; call: CallDetail; callUrl: string }
  | { type: "call.updated"; call: CallDetail; callUrl: string }
  | { type: "call.test"; call: CallDetail; callUrl: string }
  | { type: "source.alert"; alert: AlertEvent; sourcesUrl: string }
  /** callsUrl: the view's calls in the alert's window; null for a source's silence. */
  | { type: "metric.alert"; alert: MetricAlertEvent; urls: { alerts: string; calls: string | null } };

export interface SendInput {
  /** The delivery's id: the idempotency key, the same on every attempt. */
  key: string;
  event: Outgoing;
}

export interface SendResult {
  /** The receiver took it. `skipped` says why nothing needed doing (a HubSpot contact that does not exist). */
  ok: boolean;
  skipped?: string;
  /** The HTTP status of the last response, or null when none came (refused, timeout, DNS). */
  status: number | null;
  /** The start of the response body, or the reason no response came. */
  excerpt: string;
  /** Trying again cannot help (the address is refused by the outbound guard). */
  permanent?: boolean;
  /** The receiver's Retry-After, in seconds. */
  retryAfterSec?: number;
}

export const EXCERPT_CHARS = 500;

export const excerpt = (text: string) => (text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text);
