// What sets the kinds of delivery apart, in one place: a call forwarded by
// the rules, a correction of a call sent before, a source alert, a metric alert opening or clearing, or a test an admin sent. The job, the replay and
// the log read this rather than compare kinds.

export type DeliveryKind = "call" | "update" | "alert" | "metric_opened" | "metric_cleared" | "test";

/** A metric alert (lib/alerts) is sent when it opens and again when it clears. */
export type MetricAlertState = "opened" | "cleared";

interface DeliveryKindTraits {
  /** A test answers the admin now, whether or not the destination is on. */
  sentWhenOff: boolean;
  /** Retried in the background on a retryable failure (a test fails at once instead). */
  retried: boolean;
  /** Counts towards turning the destination off: a test only says whether it works. */
  countsTowardsFailures: boolean;
  /** What the delivery log says it was; null for a call, which is shown as a link to it. */
  logText: string | null;
}

export const DELIVERY_KIND: Record<DeliveryKind, DeliveryKindTraits> = {
  call: { sentWhenOff: false, retried: true, countsTowardsFailures: true, logText: null },
  /** A call sent before, sent again after a reviewer corrected it (where the destination's rules ask for updates). */
  update: { sentWhenOff: false, retried: true, countsTowardsFailures: true, logText: null },
  alert: { sentWhenOff: false, retried: true, countsTowardsFailures: true, logText: "Source alert" },
  metric_opened: { sentWhenOff: false, retried: true, countsTowardsFailures: true, logText: "Metric alert" },
  metric_cleared: { sentWhenOff: false, retried: true, countsTowardsFailures: true, logText: "Metric alert cleared" },
  test: { sentWhenOff: true, retried: false, countsTowardsFailures: false, logText: "Test message" },
};

/** A stored delivery's traits (its kind column is text). */
export const deliveryKind = (kind: string): DeliveryKindTraits => DELIVERY_KIND[kind as DeliveryKind] ?? DELIVERY_KIND.call;
