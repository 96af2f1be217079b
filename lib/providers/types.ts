import type { z } from "zod";
import type { Scenario } from "@/lib/demo/scenario";
import type { Poller } from "@/lib/polling/types";
import type { SettingsGroupDef } from "@/lib/sources/settings-group";
import type { CanonicalCall } from "./canonical";
import type { ProviderInfo } from "./info";

export type { ProviderId } from "./lookup";

export interface AdapterContext {
  /** When the request arrived: the fallback time for vendors that send none. */
  receivedAt: Date;
  /** Region for national phone numbers (ISO 3166 alpha-2). */
  defaultRegion: string;
  /** Query parameters of the request (Hooman puts its call id there). */
  query: Record<string, string>;
}

/** A payload that passed its schema but still cannot become a call (answered 422). */
export class MappingError extends Error {}

/** What a vendor sends (a zod schema) and how that maps to the canonical call. */
export interface ProviderAdapter<Schema extends z.ZodType = z.ZodType> {
  payload: Schema;
  toCall(payload: z.output<Schema>, ctx: AdapterContext): CanonicalCall;
}

export function defineAdapter<Schema extends z.ZodType>(adapter: ProviderAdapter<Schema>): ProviderAdapter<Schema> {
  return adapter;
}

/**
 * A vendor's module: its catalog entry (plain data, ./info.ts) with what only
 * the server needs: the adapter, a sample payload in the vendor's own shape
 * for demo data and "Send test event", the settings groups a source of it
 * has besides health (in the form's order), and, when polled, its poller.
 */
export interface ProviderModule extends ProviderInfo {
  adapter: ProviderAdapter;
  sample: (s: Scenario) => Record<string, unknown>;
  settings?: readonly SettingsGroupDef[];
  /** Present exactly when capabilities.polled. */
  poller?: Poller;
}

/** A call with every optional field empty, for adapters to fill in. */
export function emptyCall(externalId: string, startedAt: Date | null, ctx: AdapterContext): CanonicalCall {
  return {
    externalId,
    groupKey: null,
    attempt: null,
    direction: null,
    status: "unknown",
    startedAt: startedAt ?? ctx.receivedAt,
    timeSource: startedAt ? "vendor" : "arrival",
    endedAt: null,
    durationSec: null,
    billedSec: null,
    customer: { phone: null, name: null, email: null, company: null },
    agent: { name: null, id: null },
    line: null,
    campaign: null,
    recordingUrl: null,
    recordingKey: null,
    transcriptUrl: null,
    transcript: [],
    summary: null,
    sentiment: null,
    outcome: null,
    outcomeRaw: null,
    interestLevel: null,
    score: null,
    labels: [],
    nextAction: null,
    callbackAt: null,
    objectiveAchieved: null,
    variables: {},
    costAmount: null,
    costCurrency: null,
    eventAt: startedAt ?? ctx.receivedAt,
  };
}
