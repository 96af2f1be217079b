import { readFileSync } from "node:fs";
import path from "node:path";
import type { CanonicalCall } from "@/lib/providers/canonical";
import { mapPayload } from "@/lib/providers/modules";
import type { AdapterContext, ProviderId } from "@/lib/providers/types";

/** A vendor-docs example, parsed. */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "fixtures", name), "utf8")) as T;
}

export const RECEIVED_AT = new Date("2026-03-01T12:00:00Z");

export function ctx(overrides: Partial<AdapterContext> = {}): AdapterContext {
  return { receivedAt: RECEIVED_AT, defaultRegion: "US", query: {}, ...overrides };
}

/** Maps a payload through a provider's adapter, failing the test with the adapter's message. */
export function mapOk(provider: ProviderId, payload: unknown, overrides: Partial<AdapterContext> = {}): CanonicalCall {
  const result = mapPayload(provider, payload, ctx(overrides));
  if (!result.ok) throw new Error(result.error);
  return result.call;
}
