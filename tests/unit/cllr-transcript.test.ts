import { describe, expect, it } from "vitest";
import { cllrTranscriptTurns } from "@/lib/providers/cllr/transcript";

const start = new Date("2026-01-20T10:00:00Z");

describe("Cllr transcript files", () => {
  it("reads turn lists under the usual names, with times in seconds, milliseconds or clock times", () => {
    expect(
      cllrTranscriptTurns(
        [
          { role: "assistant", content: "Hi", start: 1.5 },
          { role: "user", content: "Hello" },
        ],
        start,
      ),
    ).toEqual([
      { role: "agent", text: "Hi", atMs: 1500 },
      { role: "customer", text: "Hello" },
    ]);
    expect(cllrTranscriptTurns({ messages: [{ speaker: "Customer", message: " Yes ", startMs: 2400 }] }, start)).toEqual([
      { role: "customer", text: "Yes", atMs: 2400 },
    ]);
    expect(cllrTranscriptTurns({ utterances: [{ from: "agent", text: "Bye", timestamp: "2026-01-20T10:01:00Z" }] }, start)).toEqual([
      { role: "agent", text: "Bye", atMs: 60_000 },
    ]);
  });

  it("reads plain-text transcripts line by line", () => {
    expect(cllrTranscriptTurns({ transcript: "Agent: Hi there\nCustomer: Who is this?" }, start)).toEqual([
      { role: "agent", text: "Hi there" },
      { role: "customer", text: "Who is this?" },
    ]);
  });

  it("returns null for a layout it does not know, and skips empty turns", () => {
    expect(cllrTranscriptTurns({ hello: "world" }, start)).toBeNull();
    expect(cllrTranscriptTurns([{ role: "agent", text: "" }, { role: "agent" }, 5], start)).toEqual([]);
  });
});
