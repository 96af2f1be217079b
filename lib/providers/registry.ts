import { fieldErrors, friendlyDetail } from "@/lib/api/friendly-errors";
import { autocalls } from "./autocalls";
import type { CanonicalCall } from "./canonical";
import { cllr } from "./cllr";
import { hooman } from "./hooman";
import { hubtalk } from "./hubtalk";
import { MappingError, PROVIDER_IDS, type AdapterContext, type ProviderAdapter, type ProviderId } from "./types";
import { phoneAgentToLine } from "./phone-agent";
import { unpod } from "./unpod";

// Every vendor this product reads. Adding one: a file beside this one, and a line here.
export const providers: Record<ProviderId, ProviderAdapter> = { unpod, cllr, hooman, autocalls, hubtalk };

export function isProviderId(value: string): value is ProviderId {
  return (PROVIDER_IDS as readonly string[]).includes(value);
}

export type MapResult = { ok: true; call: CanonicalCall } | { ok: false; error: string };

/** Validates a vendor payload and maps it to the canonical call, or says why not. */
export function mapPayload(providerId: ProviderId, payload: unknown, ctx: AdapterContext): MapResult {
  const adapter = providers[providerId];
  const parsed = adapter.payload.safeParse(payload);
  if (!parsed.success) return { ok: false, error: `${adapter.name} payload: ${friendlyDetail(fieldErrors(parsed.error, {}, { quotePaths: true }))}` };
  try {
    return { ok: true, call: phoneAgentToLine(adapter.toCall(parsed.data, ctx)) };
  } catch (e) {
    if (e instanceof MappingError) return { ok: false, error: `${adapter.name} payload: ${e.message}` };
    throw e;
  }
}
