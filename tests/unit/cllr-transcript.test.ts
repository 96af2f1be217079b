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

  it("reads a turn's end from end times, durations or its last word, so talk metrics can see interruptions", () => {
    expect(
      cllrTranscriptTurns(
        {
          segments: [
            { speaker: "agent", text: "Hi there", start: 0.5, end: 2.25 },
            { speaker: "customer", text: "Hello", startMs: 2000, endMs: 3100 },
            { speaker: "agent", text: "Great", start: 4, duration: 1.5 },
            {
              speaker: "customer",
              text: "Bye now",
              start: 6,
              words: [
                { word: "Bye", start: 6, end: 6.4 },
                { word: "now", start: 6.5, end: 7 },
              ],
            },
            { speaker: "agent", text: "Odd", start: 9, end: 8 },
            { speaker: "agent", text: "No start", end: 12 },
          ],
        },
        start,
      ),
    ).toEqual([
      { role: "agent", text: "Hi there", atMs: 500, endMs: 2250 },
      { role: "customer", text: "Hello", atMs: 2000, endMs: 3100 },
      { role: "agent", text: "Great", atMs: 4000, endMs: 5500 },
      { role: "customer", text: "Bye now", atMs: 6000, endMs: 7000 },
      { role: "agent", text: "Odd", atMs: 9000 },
      { role: "agent", text: "No start" },
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
