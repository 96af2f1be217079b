import { describe, expect, it } from "vitest";
import { mapPayload } from "@/lib/providers/modules";
import { ctx, fixture, mapOk, RECEIVED_AT } from "../support/fixtures";

const map = (payload: unknown) => mapOk("cllr", payload);

describe("Cllr adapter", () => {
  it("maps the documented example field by field", () => {
    const call = map(fixture("cllr/example.json"));
    expect(call.externalId).toBe("693bff62619c51fac21acf50");
    expect(call.status).toBe("completed");
    // Cllr sends no times: the arrival stands in, and says so.
    expect(call.startedAt).toEqual(RECEIVED_AT);
    expect(call.timeSource).toBe("arrival");
    expect(call.customer).toEqual({ phone: "+15551234567", name: "John Smith", email: "john.smith@example.com", company: null });
    expect(call.recordingUrl).toBe("https://storage.example.com/recordings/693bff62619c51fac21acf50/call_recording.ogg");
    expect(call.transcriptUrl).toBe("https://storage.example.com/transcripts/transcript_693bff62619c51fac21acf50.json");
    expect(call.transcript).toEqual([]);
    expect(call.summary).toBe("Customer called to schedule a product demo...");
    expect(call.sentiment).toBe("positive");
    expect(call.score).toBe(85);
    expect(call.outcome).toBe("meeting_scheduled");
    expect(call.outcomeRaw).toBe("Demo Scheduled");
    expect(call.labels).toEqual(["Sales Inquiry"]);
    expect(call.callbackAt?.toISOString()).toBe("2025-01-20T10:00:00.000Z");
    expect(call.variables).toEqual({ address: "123 Main Street", city: "New York", state: "NY", country: "USA", language: "English", mood: "Positive" });
  });

  it("maps the curl test payload with only the essentials", () => {
    const call = map(fixture("cllr/curl-test.json"));
    expect(call.externalId).toBe("test-call-123");
    expect(call.customer.phone).toBe("+15550000000");
    expect(call.transcriptUrl).toBeNull();
    expect(call.summary).toBeNull();
    expect(call.outcome).toBeNull();
  });

  it("reads the detailed sentiment object and action items", () => {
    const call = map({
      callId: "c-2",
      callAnalysis: { sentiment: { overall: "negative", score: -0.6 }, actionItems: { followUp: ["Send the contract"] } },
    });
    expect(call.sentiment).toBe("negative");
    expect(call.nextAction).toBe("Send the contract");
  });

  it("reads a national number in the source's region", () => {
    const result = mapPayload("cllr", { callId: "c-3", callerDetails: { phoneNumber: "020 7946 0018" } }, ctx({ defaultRegion: "GB" }));
    expect(result.ok && result.call.customer.phone).toBe("+442079460018");
  });

  it("names no duration, agent or line when the documented payload has none", () => {
    const call = map(fixture("cllr/example.json"));
    expect(call.durationSec).toBeNull();
    expect(call.agent).toEqual({ name: null, id: null });
    expect(call.line).toBeNull();
  });

  it("reads a duration and an agent when the payload has them", () => {
    const call = map({ ...fixture<Record<string, unknown>>("cllr/example.json"), duration: "187.4", agentName: "Leo", agentId: "ag_7" });
    expect(call.durationSec).toBe(187);
    expect(call.agent).toEqual({ name: "Leo", id: "ag_7" });
  });

  it.each([
    ["No answer", "no_answer"],
    ["Busy", "busy"],
    ["Voicemail left", "voicemail"],
  ])("lets the outcome %s decide the status, with a recording or without", (callOutcome, status) => {
    const call = map({ ...fixture<Record<string, unknown>>("cllr/example.json"), callAnalysis: { summary: "Nobody picked up.", callOutcome } });
    expect(call.status).toBe(status);
    expect(call.outcome).toBe(status);
    expect(call.outcomeRaw).toBe(callOutcome);
  });

  it("keeps a connected call completed whatever it was about", () => {
    const call = map({
      ...fixture<Record<string, unknown>>("cllr/example.json"),
      callAnalysis: { summary: "Asked us to call back.", callOutcome: "Callback requested" },
    });
    expect(call.status).toBe("completed");
    expect(call.outcome).toBe("callback_requested");
  });

  it("says what is wrong with a wrong type", () => {
    const result = mapPayload("cllr", { callId: "c-4", callAnalysis: { score: "very high" } }, ctx());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/callAnalysis\.score/);
  });
});
