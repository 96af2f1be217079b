import { describe, expect, it } from "vitest";
import { toCallOutcome, toDate, toE164, toSentiment, toStatus, turnsFromLines } from "@/lib/providers/normalize";

describe("vendor value normalization", () => {
  it("reads naive, zoned, epoch-second and epoch-millisecond times as UTC instants", () => {
    expect(toDate("2026-01-31 11:47:38.067021")?.toISOString()).toBe("2026-01-31T11:47:38.067Z");
    expect(toDate("2026-02-01T10:00:00")?.toISOString()).toBe("2026-02-01T10:00:00.000Z");
    expect(toDate("2026-02-01T10:00:00+05:00")?.toISOString()).toBe("2026-02-01T05:00:00.000Z");
    expect(toDate(1722576050000)?.toISOString()).toBe("2024-08-02T05:20:50.000Z");
    expect(toDate("1722576050")?.toISOString()).toBe("2024-08-02T05:20:50.000Z");
    expect(toDate("...")).toBeNull();
    expect(toDate(null)).toBeNull();
  });

  it("writes phones as E.164, in the source's region when national", () => {
    expect(toE164("+1-555-123-4567", "US")).toBe("+15551234567");
    expect(toE164("(415) 555-0124", "US")).toBe("+14155550124");
    expect(toE164("8 (777) 822-89-12", "KZ")).toBe("+77778228912");
    expect(toE164("+7 777 822 8912", "US")).toBe("+77778228912");
    expect(toE164("unknown", "US")).toBeNull();
    expect(toE164("12", "US")).toBeNull();
  });

  it("maps vendor words to canonical statuses, outcomes and sentiments", () => {
    expect(toStatus("COMPLETED")).toBe("completed");
    expect(toStatus("no-answer")).toBe("no_answer");
    expect(toStatus("NO_ANSWER")).toBe("no_answer");
    expect(toStatus("IN_PROGRESS")).toBe("in_progress");
    expect(toStatus("weird")).toBe("unknown");
    expect(toCallOutcome("completed", "Demo Scheduled")).toBe("meeting_scheduled");
    expect(toCallOutcome("completed", "Not Interested")).toBe("not_interested");
    expect(toCallOutcome("completed", "qualified_lead")).toBe("interested");
    expect(toCallOutcome("completed", "Please call back Tuesday")).toBe("callback_requested");
    expect(toCallOutcome("completed", "Sales Inquiry")).toBe("other");
    expect(toCallOutcome("busy", "Interested")).toBe("busy");
    expect(toCallOutcome("completed", null)).toBeNull();
    expect(toSentiment("Positive")).toBe("positive");
    expect(toSentiment("frustrated")).toBe("negative");
    expect(toSentiment("Mixed feelings")).toBe("mixed");
    expect(toSentiment("???")).toBeNull();
  });

  it("splits role-prefixed lines, joining continuation lines to their turn", () => {
    expect(turnsFromLines("AI: Hello\nUser: Hi there\nstill me\nassistant: Bye")).toEqual([
      { role: "agent", text: "Hello" },
      { role: "customer", text: "Hi there\nstill me" },
      { role: "agent", text: "Bye" },
    ]);
  });
});
