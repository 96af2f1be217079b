import { CATALOG } from "./catalog";
import type { Capabilities, ProviderInfo } from "./info";

// Questions about vendors answered from the catalog, zod-free: safe for
// client components. Code that branches on a vendor asks for a capability
// here instead of comparing provider ids.

export type ProviderId = (typeof CATALOG)[number]["id"];

export const PROVIDER_IDS = CATALOG.map((p) => p.id) as [ProviderId, ...ProviderId[]];

export const PROVIDER_NAMES: Record<string, string> = Object.fromEntries(CATALOG.map((p) => [p.id, p.name]));

export function isProviderId(value: string): value is ProviderId {
  return (PROVIDER_IDS as readonly string[]).includes(value);
}

/** The vendor's entry, or undefined for a provider no module knows (a source from a removed vendor). */
export function providerInfo(id: string): ProviderInfo | undefined {
  return CATALOG.find((p) => p.id === id);
}

export function hasCapability(id: string, capability: keyof Capabilities): boolean {
  return providerInfo(id)?.capabilities[capability] ?? false;
}

/** Vendors the app polls, for the schedule and the poller's queries. */
export const POLLED_PROVIDER_IDS: string[] = CATALOG.filter((p) => p.capabilities.polled).map((p) => p.id);

/** The connect form's vendor choices; one without webhooks says it is polled, so nobody waits for a post. */
export const CONNECT_CHOICES: { id: string; label: string }[] = CATALOG.map((p) => ({
  id: p.id,
  label: p.capabilities.webhooks ? p.name : `${p.name} (polled)`,
}));

/** Preselected in the connect form: the first vendor that posts, the usual case. */
export const DEFAULT_CONNECT_CHOICE = CATALOG.find((p) => p.capabilities.webhooks)?.id;
