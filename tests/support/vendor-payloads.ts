import { scenario } from "@/lib/demo/scenario";
import type { ProviderId } from "@/lib/providers/lookup";
import { samplePayload } from "@/lib/providers/modules";

/** Where each vendor's payload carries its call id (Hooman's is inside callInfo). */
export const ID_FIELD: Record<ProviderId, string> = { unpod: "task_id", cllr: "callId", hooman: "callSid", autocalls: "id", hubtalk: "call_event_uuid" };

/** Puts `id` where the vendor's payload carries its call id. */
export function setCallId(provider: ProviderId, payload: Record<string, unknown>, id: string): Record<string, unknown> {
  if (provider === "hooman") (payload.callInfo as Record<string, unknown>).callSid = id;
  else payload[ID_FIELD[provider]] = id;
  return payload;
}

/** A vendor's own sample payload for demo scenario `seq`, as the call `id`. */
export const payloadWithId = (provider: ProviderId, seq: number, id: string) => setCallId(provider, samplePayload(provider, scenario(7, seq)), id);
