import { z } from "zod";
import { isConnected, type Scenario } from "@/lib/demo/scenario";
import { text } from "@/lib/providers/fields";
import { toE164, toStatus, turnsFromLines } from "@/lib/providers/normalize";
import { defineAdapter, emptyCall, type ProviderModule } from "@/lib/providers/types";
import { storageGroup } from "@/lib/storage/settings";
import { throwawayInfo } from "./info";

const payload = z.looseObject({ callId: z.string().min(1), phone: text, status: text, summary: text, recordingKey: text, transcript: text });

const adapter = defineAdapter({
  payload,
  toCall(p, ctx) {
    const call = emptyCall(p.callId, null, ctx);
    call.status = toStatus(p.status);
    call.customer.phone = toE164(p.phone, ctx.defaultRegion);
    call.summary = p.summary ?? null;
    call.recordingKey = p.recordingKey ?? null;
    call.transcript = p.transcript ? turnsFromLines(p.transcript) : [];
    return call;
  },
});

function sample(s: Scenario) {
  return {
    callId: `tw-${s.seq}`,
    phone: s.customer.phone,
    status: isConnected(s) ? "completed" : "no-answer",
    summary: s.summary,
    recordingKey: isConnected(s) ? `calls/${s.seq}.mp3` : null,
    transcript: s.turns.map((t) => `${t.role === "agent" ? "Agent" : "Customer"}: ${t.text}`).join("\n"),
  };
}

export const throwaway: ProviderModule = { ...throwawayInfo, adapter, sample, settings: [storageGroup] };
