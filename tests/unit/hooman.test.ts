import { describe, expect, it } from "vitest";
import { mapPayload } from "@/lib/providers/modules";
import { ctx, fixture, mapOk } from "../support/fixtures";

const map = (payload: unknown, query: Record<string, string> = {}) => mapOk("hooman", payload, { query });

describe("Hooman Labs adapter", () => {
  it("maps the default post-call object field by field", () => {
    const call = map(fixture("hooman/default-object.json"));
    expect(call.externalId).toBe("CA123");
    expect(call.direction).toBe("inbound");
    // Inbound: the customer is the caller. Times are epoch milliseconds.
    expect(call.customer.phone).toBe("+15551234567");
    expect(call.startedAt.toISOString()).toBe("2024-08-02T05:20:50.000Z");
    expect(call.endedAt?.toISOString()).toBe("2024-08-02T05:21:32.000Z");
    expect(call.durationSec).toBe(42);
    expect(call.status).toBe("completed");
    expect(call.recordingUrl).toBe("https://recordings.example.com/CA123.mp3");
    expect(call.agent).toEqual({ name: null, id: "agent_id" });
    // Inbound: the number called is the line.
    expect(call.line).toBe("+15557654321");
    expect(call.transcript).toEqual([{ role: "customer", text: "message from user", atMs: 0 }]);
    expect(call.summary).toBe("Caller asked about pricing and agreed to a follow-up.");
    expect(call.interestLevel).toBe("high");
    expect(call.outcomeRaw).toBe("qualified_lead");
    expect(call.outcome).toBe("interested");
    expect(call.costAmount).toBe(0.25);
    expect(call.costCurrency).toBe("INR");
    expect(call.variables).toMatchObject({
      interest_level: "high",
      context: { leadId: "L-77" },
      endReason: "customer-ended-call",
      telephony: "twilio",
      stats: { turns: 20 },
    });
  });

  it("reads the documented template body, whose values are stringified, with the id from the URL", () => {
    const call = map(fixture("hooman/template-body.json"), { id: "CA999" });
    expect(call.externalId).toBe("CA999");
    expect(call.direction).toBe("outbound");
    expect(call.customer.phone).toBe("+15557654321");
    expect(call.line).toBe("+15551234567");
    expect(call.durationSec).toBe(42);
    expect(call.costAmount).toBe(0.25);
    expect(call.outcome).toBe("callback_requested");
    expect(call.groupKey).toBe("L-1001");
  });

  it("reads a GET's query parameters, with stringified JSON values", () => {
    const transcript = JSON.stringify([{ role: "assistant", content: "Hello", timestamp: 1722576051000 }]);
    const call = map({ callSid: "CA5", beginTimestamp: "1722576050000", duration: "7", transcript, callType: "outbound", callee: "5551230000" });
    expect(call.startedAt.toISOString()).toBe("2024-08-02T05:20:50.000Z");
    expect(call.durationSec).toBe(7);
    expect(call.transcript).toEqual([{ role: "agent", text: "Hello", atMs: 1000 }]);
    expect(call.customer.phone).toBe("+15551230000");
  });

  it("refuses a payload without a call id, saying where to put one", () => {
    const result = mapPayload("hooman", fixture("hooman/template-body.json"), ctx());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/callSid/);
  });
});
