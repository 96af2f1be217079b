import { describe, expect, it } from "vitest";
import { backoffSeconds, decide, DISABLE_AFTER_FAILURES, MAX_ATTEMPTS } from "@/lib/destinations/policy";
import { ruleMatches, rulesSchema } from "@/lib/destinations/rules";

// What a delivery does after each attempt, and which calls a destination takes.

const answer = (status: number | null, extra = {}) => ({ ok: status !== null && status < 300, status, excerpt: "", ...extra });

describe("after an attempt", () => {
  it("retries throttling, timeouts and server errors, and gives up at once on other client errors", () => {
    for (const status of [null, 408, 429, 500, 502, 503]) expect(decide(answer(status), 1, 0).next, String(status)).toBe("retry");
    for (const status of [400, 401, 403, 404, 422]) expect(decide(answer(status), 1, 0), String(status)).toEqual({ next: "failed", disable: null });
  });

  it("stops after the last attempt", () => {
    expect(decide(answer(503), MAX_ATTEMPTS - 1, 0).next).toBe("retry");
    expect(decide(answer(503), MAX_ATTEMPTS, 0)).toEqual({ next: "failed", disable: null });
  });

  it("waits as long as Retry-After says", () => {
    expect(decide(answer(429, { retryAfterSec: 42 }), 1, 0)).toMatchObject({ next: "retry", delaySec: 42, countsAsFailure: false });
  });

  it("backs off exponentially with jitter between half and all of the step", () => {
    process.env.JOB_RETRY_BASE_SECONDS = "30";
    expect([1, 2, 3, 4].map((n) => backoffSeconds(n, () => 0.999))).toEqual([30, 60, 120, 240]);
    expect([1, 2, 3, 4].map((n) => backoffSeconds(n, () => 0))).toEqual([15, 30, 60, 120]);
    expect(backoffSeconds(30, () => 0.999)).toBeLessThanOrEqual(3600);
    expect(backoffSeconds(30, () => 0)).toBe(1800);
    delete process.env.JOB_RETRY_BASE_SECONDS;
  });

  it("turns the destination off on a 410, and after repeated failures in a row", () => {
    expect(decide(answer(410), 1, 0)).toMatchObject({ next: "failed", disable: expect.stringContaining("410") });
    expect(decide(answer(503), 1, DISABLE_AFTER_FAILURES - 2).next).toBe("retry");
    expect(decide(answer(503), 1, DISABLE_AFTER_FAILURES - 1)).toMatchObject({
      next: "failed",
      disable: expect.stringContaining(`${DISABLE_AFTER_FAILURES} failed attempts`),
    });
    // Being throttled is not failing.
    expect(decide(answer(429), 1, DISABLE_AFTER_FAILURES - 1).next).toBe("retry");
  });

  it("does not retry an address the outbound guard refused", () => {
    expect(decide({ ok: false, status: null, excerpt: "10.0.0.1 is not a public address", permanent: true }, 1, 0)).toEqual({ next: "failed", disable: null });
  });

  it("counts a skipped call (no HubSpot contact to update) as done", () => {
    expect(decide({ ok: true, status: null, excerpt: "", skipped: "no contact" }, 1, 0)).toEqual({ next: "skipped" });
  });
});

describe("destination rules", () => {
  const call = { sourceId: "0190a3f0-0000-7000-8000-000000000001", outcome: "interested" as const, leadScore: 75, isHot: true };
  const rules = (r: object) => rulesSchema.parse(r);

  it("hot leads only by default", () => {
    expect(ruleMatches(rules({}), call)).toBe(true);
    expect(ruleMatches(rules({}), { ...call, isHot: false })).toBe(false);
    expect(ruleMatches(rules({ calls: "all" }), { ...call, isHot: false })).toBe(true);
    expect(ruleMatches(rules({ calls: "none" }), call)).toBe(false);
  });

  it("every condition must hold", () => {
    expect(ruleMatches(rules({ calls: "all", outcomes: ["meeting_scheduled"] }), call)).toBe(false);
    expect(ruleMatches(rules({ calls: "all", outcomes: ["interested", "meeting_scheduled"] }), call)).toBe(true);
    expect(ruleMatches(rules({ calls: "all", minScore: 80 }), call)).toBe(false);
    expect(ruleMatches(rules({ calls: "all", minScore: 75 }), call)).toBe(true);
    expect(ruleMatches(rules({ calls: "all", sourceIds: ["0190a3f0-0000-7000-8000-000000000002"] }), call)).toBe(false);
    expect(ruleMatches(rules({ calls: "all", sourceIds: [call.sourceId] }), call)).toBe(true);
  });
});
