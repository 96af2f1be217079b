import { describe, expect, it } from "vitest";
import { mapPayload } from "@/lib/providers/modules";
import { ctx, fixture, mapOk } from "../support/fixtures";

const map = (payload: unknown) => mapOk("autocalls", payload);

describe("Autocalls adapter", () => {
  it("maps a campaign call field by field", () => {
    const call = map(fixture("autocalls/campaign-call.json"));
    expect(call.externalId).toBe("48213");
    expect(call.status).toBe("completed");
    expect(call.direction).toBe("outbound");
    expect(call.groupKey).toBe("lead:991");
    expect(call.startedAt.toISOString()).toBe("2026-02-27T16:03:12.000Z");
    expect(call.endedAt?.toISOString()).toBe("2026-02-27T16:06:19.000Z");
    expect(call.durationSec).toBe(187);
    expect(call.customer).toEqual({ phone: "+14155550199", name: "Maria Lopez", email: null, company: "Lopez Roofing" });
    // The assistant's number is the line the call used, never shown as an agent.
    expect(call.line).toBe("+14155550100");
    expect(call.agent).toEqual({ name: null, id: null });
    expect(call.campaign).toBe("Solar Spring");
    expect(call.recordingUrl).toBe("https://autocalls.example.com/recordings/48213.mp3");
    expect(call.transcript).toEqual([
      { role: "agent", text: "Hello Maria, this is Sam from Sunny Solar." },
      { role: "customer", text: "Hi Sam." },
      { role: "agent", text: "Would Monday work for a site visit?" },
      { role: "customer", text: "Yes, Monday afternoon." },
    ]);
    expect(call.summary).toBe("Booked a site visit");
    // extracted_variables.status is the objective, not the call status.
    expect(call.objectiveAchieved).toBe(true);
    expect(call.interestLevel).toBe("high");
    expect(call.callbackAt?.toISOString()).toBe("2026-03-02T15:00:00.000Z");
    expect(call.variables).toMatchObject({ interest_level: "high", input: { name: "Maria Lopez", company: "Lopez Roofing" } });
  });

  it("finds the campaign nested in the lead", () => {
    const { campaign, ...rest } = fixture<{ campaign: unknown; lead: Record<string, unknown> }>("autocalls/campaign-call.json");
    const call = map({ ...rest, lead: { ...rest.lead, campaign } });
    expect(call.campaign).toBe("Solar Spring");
  });

  it("maps a busy call without campaign, phones or transcript", () => {
    const call = map(fixture("autocalls/no-campaign.json"));
    expect(call.status).toBe("busy");
    expect(call.outcome).toBe("busy");
    expect(call.objectiveAchieved).toBe(false);
    expect(call.customer.phone).toBeNull();
    expect(call.campaign).toBeNull();
    expect(call.direction).toBeNull();
    expect(call.transcript).toEqual([]);
  });

  it("says which field has a wrong type", () => {
    const result = mapPayload("autocalls", { id: 1, extracted_variables: { status: "maybe" } }, ctx());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/extracted_variables\.status/);
  });
});
