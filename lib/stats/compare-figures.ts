import type { CompareFigures } from "./compare-schema";

// Sums of the Compare rollup's rows, and the figures read from them. Cost is
// kept in ten-thousandths as a bigint, so adding rows up stays exact; figures
// divided by something (per connected call, per meeting) are plain numbers.

export const COST_SCALE = 10_000n;

export interface CompareTotals {
  calls: number;
  connected: number;
  talkSec: number;
  timedCalls: number;
  agentTalkMs: number;
  customerTalkMs: number;
  meetings: number;
  hotCalls: number;
  scoreSum: number;
  positive: number;
  negative: number;
  rated: number;
  costedCalls: number;
  /** Ten-thousandths of the currency. */
  costUnits: bigint;
  reviewed: number;
  outcomeKept: number;
}

export const noTotals = (): CompareTotals => ({
  calls: 0,
  connected: 0,
  talkSec: 0,
  timedCalls: 0,
  agentTalkMs: 0,
  customerTalkMs: 0,
  meetings: 0,
  hotCalls: 0,
  scoreSum: 0,
  positive: 0,
  negative: 0,
  rated: 0,
  costedCalls: 0,
  costUnits: 0n,
  reviewed: 0,
  outcomeKept: 0,
});

export function addTotals(into: CompareTotals, t: CompareTotals): CompareTotals {
  for (const k of Object.keys(into) as (keyof CompareTotals)[]) {
    if (k === "costUnits") into.costUnits += t.costUnits;
    else into[k] += t[k];
  }
  return into;
}

/** "12.3400" for 123400n ten-thousandths. */
export function formatUnits(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  return `${negative ? "-" : ""}${abs / COST_SCALE}.${(abs % COST_SCALE).toString().padStart(4, "0")}`;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** The figures of `t`; cost ones only when the calls are in one known `currency`. */
export function figuresOf(t: CompareTotals, currency: string | null): CompareFigures {
  const costKnown = currency !== null && t.costedCalls > 0;
  const cost = costKnown ? Number(formatUnits(t.costUnits)) : null;
  return {
    calls: t.calls,
    connected: t.connected,
    connectRate: ratio(t.connected, t.calls),
    avgTalkSec: ratio(t.talkSec, t.connected),
    timedCalls: t.timedCalls,
    talkRatio: ratio(t.agentTalkMs, t.agentTalkMs + t.customerTalkMs),
    meetings: t.meetings,
    meetingRate: ratio(t.meetings, t.calls),
    hotLeads: t.hotCalls,
    hotRate: ratio(t.hotCalls, t.calls),
    avgLeadScore: ratio(t.scoreSum, t.calls),
    rated: t.rated,
    positiveShare: ratio(t.positive, t.rated),
    negativeShare: ratio(t.negative, t.rated),
    costedCalls: t.costedCalls,
    cost: costKnown ? formatUnits(t.costUnits) : null,
    costPerConnected: cost === null ? null : ratio(cost, t.connected),
    costPerMeeting: cost === null ? null : ratio(cost, t.meetings),
    reviewed: t.reviewed,
    keptShare: ratio(t.outcomeKept, t.reviewed),
  };
}
