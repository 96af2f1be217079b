import { isChange, METRIC_INFO, needsMinCount, valueText, type Comparison, type Metric } from "./catalog";
import type { Measured } from "./metrics";

// Whether a rule's condition holds, from its metric in the window (and the
// window before, for a change). Too few calls to tell is neither: an open
// alert stays open and none opens (a quiet night says nothing about the
// connect rate), and the rule's page says so.

export interface RuleCondition {
  metric: Metric;
  comparison: Comparison;
  threshold: number;
  minCount: number;
}

export interface Decision {
  /** null: not enough calls to tell. */
  holds: boolean | null;
  /** The value compared: the metric, or its change in percent. */
  value: number | null;
  /** The metric itself in the window (a change rule compares its change, but people want to see the number). */
  current: number | null;
  previous: number | null;
  /** What was seen, in words, for the rules list. */
  detail: string;
}

const baseWord = (metric: Metric) => (METRIC_INFO[metric].base === "connected" ? "connected calls" : "calls");

export function decide(rule: RuleCondition, current: Measured, previous: Measured | null): Decision {
  const { metric } = rule;
  const shown = (m: Measured) => (m.value === null ? "–" : valueText(metric, m.value));
  const of = (m: Measured) => (metric === "source_silence" ? "since its last event" : `of ${m.base.toLocaleString("en-US")} ${baseWord(metric)}`);
  if (current.value === null) return { holds: null, value: null, current: null, previous: null, detail: `No ${baseWord(metric)} to tell` };
  const isRate = METRIC_INFO[metric].unit === "percent";
  // A rate needs enough calls under it, in each window it reads.
  const enough = (m: Measured) => !needsMinCount(metric, rule.comparison) || !isRate || m.base >= rule.minCount;
  if (!enough(current)) {
    return { holds: null, value: null, current: current.value, previous: null, detail: `Not enough ${baseWord(metric)}: ${current.base} of ${rule.minCount}` };
  }
  if (!isChange(rule.comparison)) {
    const holds = rule.comparison === "above" ? current.value > rule.threshold : current.value < rule.threshold;
    return { holds, value: current.value, current: current.value, previous: null, detail: `${shown(current)} ${metric === "calls" ? "" : of(current)}`.trim() };
  }
  const before = previous!;
  // A count's change needs the count itself to be large in one window or the other: 1 → 3 hot leads is not +200%,
  // while 200 → 3 calls is the drop the rule is there for.
  const bigEnough = isRate ? enough(before) : Math.max(current.value, before.value ?? 0) >= rule.minCount;
  if (!bigEnough || before.value === null || before.value === 0) {
    const why =
      before.value === 0
        ? "nothing to compare with"
        : isRate
          ? `not enough ${baseWord(metric)} the window before: ${before.base} of ${rule.minCount}`
          : `too few to compare: ${Math.max(current.value, before.value ?? 0)} of ${rule.minCount}`;
    return { holds: null, value: null, current: current.value, previous: before.value, detail: `${shown(current)}; ${why}` };
  }
  const change = ((current.value - before.value) / before.value) * 100;
  const holds = rule.comparison === "change_up" ? change >= rule.threshold : change <= -rule.threshold;
  const sign = change > 0 ? "+" : "";
  return {
    holds,
    value: change,
    current: current.value,
    previous: before.value,
    detail: `${shown(current)} against ${shown(before)} (${sign}${Math.round(change)}%)`,
  };
}
