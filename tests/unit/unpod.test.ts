import { describe, expect, it } from "vitest";
import { mapPayload } from "@/lib/providers/modules";
import { ctx, fixture, mapOk, RECEIVED_AT } from "../support/fixtures";

const map = (payload: unknown) => mapOk("unpod", payload);

describe("Unpod adapter", () => {
  it("maps the guide's task output field by field", () => {
    const call = map(fixture("unpod/guide-output.json"));
    expect(call.externalId).toBe("675272289779974401");
    expect(call.direction).toBe("outbound");
    expect(call.status).toBe("completed");
    // Naive timestamps are UTC; microseconds are cut to milliseconds.
    expect(call.startedAt.toISOString()).toBe("2026-01-31T11:47:38.067Z");
    expect(call.endedAt?.toISOString()).toBe("2026-01-31T11:48:11.385Z");
    expect(call.timeSource).toBe("vendor");
    expect(call.durationSec).toBe(33);
    expect(call.recordingUrl).toBe("https://storage.example.com/call.ogg");
    expect(call.transcript).toEqual([
      { role: "agent", text: "Hi, this is Aria from Acme...", atMs: undefined },
      { role: "customer", text: "Yes, I'm interested", atMs: undefined },
    ]);
    expect(call.summary).toBe("Prospect expressed interest in the enterprise plan...");
    expect(call.callbackAt?.toISOString()).toBe("2026-02-01T10:00:00.000Z");
    expect(call.sentiment).toBe("positive");
    expect(call.interestLevel).toBe("Very Interested");
    expect(call.outcome).toBe("meeting_scheduled");
    expect(call.outcomeRaw).toBe("Meeting Scheduled");
    expect(call.nextAction).toBe("Send proposal email");
    expect(call.labels).toEqual(["Interested", "Decision Maker"]);
    expect(call.variables).toMatchObject({ engagement: "High", connection: "Connected" });
  });

  it("maps the forwarded-task shape: task id is the dedup key, input is the contact", () => {
    const call = map(fixture("unpod/forwarded-task.json"));
    expect(call.externalId).toBe("tsk_8f2c1a");
    expect(call.groupKey).toBe("run_41b7");
    expect(call.customer).toEqual({ phone: "+14155550123", name: "Jane Cooper", email: null, company: "Globex" });
    expect(call.variables.call_id).toBe("675272289779974401");
  });

  it("reads the flat post_call_data shape, also when stringified", () => {
    const task = fixture<{ output: Record<string, unknown> }>("unpod/forwarded-task.json");
    const flat = { summary: "Flat summary", tone: "Negative", interest_level: "Not Interested", outcome: "Not Interested", labels: ["Cold"] };
    for (const post_call_data of [flat, JSON.stringify(flat)]) {
      const call = map({ ...task, output: { ...task.output, post_call_data } });
      expect(call.summary).toBe("Flat summary");
      expect(call.sentiment).toBe("negative");
      expect(call.outcome).toBe("not_interested");
      expect(call.labels).toEqual(["Cold"]);
    }
  });

  it("treats a task that is still running as in progress, timed by its arrival", () => {
    const call = map({ task_id: "t-run", status: "running", input: { contact_number: "(415) 555-0124" }, output: null });
    expect(call.status).toBe("in_progress");
    expect(call.startedAt).toEqual(RECEIVED_AT);
    expect(call.timeSource).toBe("arrival");
    expect(call.customer.phone).toBe("+14155550124");
  });

  it("rejects a payload without any id, saying which field is missing", () => {
    const result = mapPayload("unpod", { status: "completed", output: { duration: 3 } }, ctx());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/task_id/);
  });
});
