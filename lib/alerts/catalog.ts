// What an alert rule can watch and how it compares, in words. Free of zod and
// the database: the rule form (browser), the emails and Slack messages all read it.

export const METRICS = ["calls", "connect_rate", "hot_leads", "negative_share", "meeting_rate", "tracker_mentions", "source_silence"] as const;
export type Metric = (typeof METRICS)[number];

export const COMPARISONS = ["above", "below", "change_up", "change_down"] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const WINDOW_MINUTES = { min: 15, max: 7 * 24 * 60 } as const;
export const DEFAULT_MIN_COUNT = 10;
export const DEFAULT_COOLDOWN_MINUTES = 60;
/**
 * Windows of calls end this long before the moment they are read: a call reaches the app when it ends, its analysis
 * a little later, so the last minutes are still filling in (a rule comparing them with a full window would fire on
 * ordinary traffic). A source's silence is read up to the moment itself.
 */
export const SETTLE_MINUTES = 5;

/** Where a rule's window ends when read at `at`. */
export const windowEnd = (metric: string, at: Date) => (metric === "source_silence" ? at : new Date(at.getTime() - SETTLE_MINUTES * 60_000));

interface MetricInfo {
  label: string;
  /** How the value reads: a count, a share in percent, or minutes. */
  unit: "count" | "percent" | "minutes";
  /** The calls a rate is a share of (and that minCount counts): all in the window, or the connected ones. */
  base: "calls" | "connected";
}

export const METRIC_INFO: Record<Metric, MetricInfo> = {
  calls: { label: "Calls", unit: "count", base: "calls" },
  connect_rate: { label: "Connect rate", unit: "percent", base: "calls" },
  hot_leads: { label: "Hot leads", unit: "count", base: "calls" },
  negative_share: { label: "Negative sentiment share", unit: "percent", base: "connected" },
  meeting_rate: { label: "Meeting rate", unit: "percent", base: "connected" },
  tracker_mentions: { label: "Tracker mentions", unit: "count", base: "calls" },
  source_silence: { label: "Source silence", unit: "minutes", base: "calls" },
};

export const COMPARISON_LABELS: Record<Comparison, string> = {
  above: "rises above",
  below: "falls below",
  change_up: "rises by (%) against the window before",
  change_down: "falls by (%) against the window before",
};

export const isChange = (c: string) => c === "change_up" || c === "change_down";

/**
 * Whether minCount applies: to rates (the calls under them, in each window read), and to a count's change (the
 * larger of the two windows: a quiet night's 1 → 3 is not +200%, while 200 → 3 is a drop worth telling).
 */
export const needsMinCount = (metric: Metric, comparison: Comparison) =>
  metric !== "source_silence" && (METRIC_INFO[metric].unit === "percent" || isChange(comparison));

/** "1 hour", "90 minutes", "2 days". */
export function windowText(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? "1 day" : `${minutes / 1440} days`;
  if (minutes % 60 === 0) return minutes === 60 ? "1 hour" : `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

/** "the last hour", "the last 2 hours". */
export const lastWindowText = (minutes: number) => `the last ${windowText(minutes).replace(/^1 /, "")}`;

const round = (n: number) => (Math.abs(n) >= 10 ? Math.round(n) : Math.round(n * 10) / 10);

/** A metric's value as people read it: "32%", "14", "95 min". */
export function valueText(metric: Metric, value: number): string {
  const unit = METRIC_INFO[metric].unit;
  if (unit === "percent") return `${round(value)}%`;
  if (unit === "minutes") return value >= 120 ? `${round(value / 60)} h` : `${Math.round(value)} min`;
  return Math.round(value).toLocaleString("en-US");
}

/** The value with its window: "33% in the last hour", "95 min since its last event". */
export const measuredText = (metric: Metric, value: number, windowMinutes: number) =>
  metric === "source_silence" ? `${valueText(metric, value)} since its last event` : `${valueText(metric, value)} in ${lastWindowText(windowMinutes)}`;

export interface RuleWords {
  metric: Metric;
  comparison: Comparison;
  threshold: number;
  windowMinutes: number;
  minCount: number;
  /** The saved view's name; null for every call. */
  viewName: string | null;
  trackerName?: string | null;
  sourceName?: string | null;
}

const metricWords = (r: RuleWords) =>
  r.metric === "tracker_mentions" ? `mentions of '${r.trackerName ?? "a tracker"}'` : METRIC_INFO[r.metric].label.toLowerCase();

/** The condition, short: "Connect rate below 40%", "Calls up 50%", "Cllr silent for over 60 min". */
export function conditionText(r: Omit<RuleWords, "minCount" | "windowMinutes" | "viewName">): string {
  if (r.metric === "source_silence") return `${r.sourceName ?? "A source"} silent for over ${valueText("source_silence", r.threshold)}`;
  const what = r.metric === "tracker_mentions" ? `Mentions of '${r.trackerName ?? "a tracker"}'` : METRIC_INFO[r.metric].label;
  if (r.comparison === "change_up") return `${what} up ${round(r.threshold)}%`;
  if (r.comparison === "change_down") return `${what} down ${round(r.threshold)}%`;
  return `${what} ${r.comparison} ${valueText(r.metric, r.threshold)}`;
}

/**
 * The rule in a sentence, as the form previews it: "Alert me when connect rate
 * in the last hour of 'Cllr inbound' falls below 40%, needing at least 10 calls".
 */
export function describeRule(r: RuleWords): string {
  if (r.metric === "source_silence") {
    return `Alert me when ${r.sourceName ? `'${r.sourceName}'` : "the source"} has sent nothing for more than ${valueText("source_silence", r.threshold)}`;
  }
  const scope = r.viewName ? `of '${r.viewName}'` : "of all calls";
  const window = windowText(r.windowMinutes);
  const condition =
    r.comparison === "above"
      ? `rises above ${valueText(r.metric, r.threshold)}`
      : r.comparison === "below"
        ? `falls below ${valueText(r.metric, r.threshold)}`
        : `${r.comparison === "change_up" ? "rises" : "falls"} by ${round(r.threshold)}% or more against the ${window} before`;
  const base = METRIC_INFO[r.metric].base === "connected" ? "connected calls" : "calls";
  const least = r.minCount.toLocaleString("en-US");
  const needing = !needsMinCount(r.metric, r.comparison)
    ? ""
    : METRIC_INFO[r.metric].unit === "percent"
      ? `, needing at least ${least} ${base}${isChange(r.comparison) ? " in both windows" : ""}`
      : `, once either window counts at least ${least}`;
  return `Alert me when ${metricWords(r)} in ${lastWindowText(r.windowMinutes)} ${scope} ${condition}${needing}`;
}
