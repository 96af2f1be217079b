import { describe, expect, it } from "vitest";
import { mapOk } from "../support/fixtures";

// Whatever field a vendor uses, a phone number is shown as the line, never as the agent.

describe("a phone number as the agent", () => {
  it("becomes the line, for any vendor", () => {
    const call = mapOk("unpod", { task_id: "t-1", input: { agent_name: "+1 (415) 555-0100", agent_id: "ag_9" }, output: { call_status: "completed" } });
    expect(call.agent).toEqual({ name: null, id: "ag_9" });
    expect(call.line).toBe("+1 (415) 555-0100");
  });

  it("leaves names and ids with digits alone", () => {
    const call = mapOk("unpod", { task_id: "t-2", input: { agent_name: "Leo 2", agent_id: "675272289779974401" }, output: { call_status: "completed" } });
    expect(call.agent).toEqual({ name: "Leo 2", id: "675272289779974401" });
    expect(call.line).toBeNull();
  });
});
