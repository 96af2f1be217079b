import { z } from "zod";
import { fieldErrors, friendlyDetail } from "@/lib/api/friendly-errors";
import type { Scenario } from "@/lib/demo/scenario";
import type { Poller } from "@/lib/polling/types";
import type { SettingsGroupDef } from "@/lib/sources/settings-group";
import type { CanonicalCall } from "./canonical";
import type { ProviderId } from "./lookup";
import { phoneAgentToLine } from "./phone-agent";
import { REGISTRY } from "./registry";
import { withinSearchLimits } from "./search-limits";
import { MappingError, type AdapterContext, type ProviderModule } from "./types";

// What the server asks of the registered modules: their adapters, their
// sample payloads, their settings groups and pollers, and the ids a request may name.

export function providerModule(id: ProviderId): ProviderModule {
  const found = REGISTRY.find((m) => m.id === id);
  if (!found) throw new Error(`No provider module for "${id}".`);
  return found;
}

/** A source's settings groups besides health (none for a provider no module knows, so its alerts can still be tuned). */
export function settingsGroupsOf(id: string): readonly SettingsGroupDef[] {
  return REGISTRY.find((m) => m.id === id)?.settings ?? [];
}

/** Every group any vendor has, once each by key: what a stored source's settings may hold. */
export function allSettingsGroups(): SettingsGroupDef[] {
  return [...new Map(REGISTRY.flatMap((m) => m.settings ?? []).map((g) => [g.key, g])).values()];
}

/** The vendor's poller, or null when the app does not poll it. */
export function pollerOf(id: string): Poller | null {
  return REGISTRY.find((m) => m.id === id)?.poller ?? null;
}

/** The provider field of a request that connects a source: one of the registered vendors. */
export const providerIdSchema = z.enum(REGISTRY.map((m) => m.id) as [ProviderId, ...ProviderId[]]);

/** A sample payload in the vendor's own shape (demo data, "Send test event"). */
export function samplePayload(id: ProviderId, s: Scenario): Record<string, unknown> {
  return providerModule(id).sample(s);
}

export type MapResult = { ok: true; call: CanonicalCall } | { ok: false; error: string };

/** Validates a vendor payload and maps it to the canonical call, or says why not. */
export function mapPayload(providerId: ProviderId, payload: unknown, ctx: AdapterContext): MapResult {
  const { name, adapter } = providerModule(providerId);
  const parsed = adapter.payload.safeParse(payload);
  if (!parsed.success) return { ok: false, error: `${name} payload: ${friendlyDetail(fieldErrors(parsed.error, {}, { quotePaths: true }))}` };
  try {
    return { ok: true, call: withinSearchLimits(phoneAgentToLine(adapter.toCall(parsed.data, ctx))) };
  } catch (e) {
    if (e instanceof MappingError) return { ok: false, error: `${name} payload: ${e.message}` };
    throw e;
  }
}
