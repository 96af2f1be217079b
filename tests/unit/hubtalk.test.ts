import { describe, expect, it } from "vitest";
import { mapPayload } from "@/lib/providers/modules";
import { ctx, fixture, mapOk } from "../support/fixtures";

const map = (payload: unknown) => mapOk("hubtalk", payload);
/** The docs example; these tests change parts of it. */
type Example = Record<string, unknown> & { analytics_data: { reports: Record<string, unknown> }; mapped_answers?: Record<string, unknown> };
const example = () => fixture<Example>("hubtalk/full-example.json");

describe("HubTalk adapter", () => {
  it("maps the full payload example field by field", () => {
    const call = map(example());
    expect(call.externalId).toBe("0ca800d9-70ec-4e0c-a119-29d27185efce");
    expect(call.groupKey).toBe("794ea9ef-0304-450a-864a-cd1be055a28d");
    expect(call.attempt).toBe(1);
    expect(call.direction).toBe("outbound");
    // Event status PENDING defers to the parent call: COMPLETED with talk time.
    expect(call.status).toBe("completed");
    // International digits without '+': Kazakhstan.
    expect(call.customer.phone).toBe("+77778228912");
    expect(call.customer.name).toBe("John Doe");
    expect(call.agent).toEqual({ name: "test_agent", id: "95d82074-134e-44ef-aef7-4e390a8f1745" });
    expect(call.campaign).toBe("a2b099ab-08fe-43b9-b581-420f032ccb2d");
    expect(call.startedAt.toISOString()).toBe("2026-02-02T10:20:24.000Z");
    expect(call.endedAt?.toISOString()).toBe("2026-02-02T10:22:05.000Z");
    expect(call.durationSec).toBe(101);
    expect(call.billedSec).toBe(97);
    expect(call.recordingKey).toBe("2026/02/02/10/0ca800d9-70ec-4e0c-a119-29d27185efce.mp3");
    expect(call.recordingUrl).toBeNull();
    // mapped_answers.messages is the preferred form.
    expect(call.transcript.map((t) => t.role)).toEqual(["agent", "customer", "agent"]);
    expect(call.transcript[1].text).toBe("Tell me about loans");
    expect(call.summary).toBe("The conversation was centered around the user's inquiry about an auto loan...");
    expect(call.sentiment).toBe("neutral");
    expect(call.outcomeRaw).toBe("CALL_ANSWERED_INFORMATION_TRANSFERRED");
    expect(call.outcome).toBe("interested");
    expect(call.variables).toMatchObject({
      clientName: "John Doe",
      debt: 15000,
      initialLanguage: "RU",
      voiceGender: "MALE",
      conversationPath: "/logs/llm/0ca800d9-70ec-4e0c-a119-29d27185efce",
    });
  });

  it("reduces each of the four transcript forms to ordered turns", () => {
    const { mapped_answers, full_transcript, text_detail, answer, conversation, ...rest } = example();
    const lines = map({ ...rest, full_transcript });
    expect(lines.transcript.map((t) => [t.role, t.text])).toEqual([
      ["agent", "Hello! I'm calling from Allur company..."],
      ["customer", "Tell me about loans"],
      ["agent", "Thank you for your interest..."],
    ]);
    expect(map({ ...rest, answer }).transcript).toEqual(map({ ...rest, text_detail }).transcript);
    const arrays = map({ ...rest, conversation }).transcript;
    expect(arrays.map((t) => t.role)).toEqual(["agent", "customer", "agent", "customer", "customer"]);
    expect(arrays.at(-1)?.text).toBe("Thanks, goodbye");
  });

  it("takes each attempt's own status", () => {
    expect(map({ ...example(), status: "NO_ANSWER" }).status).toBe("no_answer");
    expect(map({ ...example(), status: "BUSY", attempt_number: 2 }).outcome).toBe("busy");
    expect(map({ ...example(), status: "PENDING", call_status: "IN_PROGRESS" }).status).toBe("in_progress");
  });

  it("reads dynamic reports given as a plain array", () => {
    const p = example();
    p.analytics_data.reports.dynamic_reports = [{ name: "interest_level", content: "High interest", result: "high" }];
    delete p.sentiment_analysis;
    expect(map(p).interestLevel).toBe("high");
  });

  it("keeps Russian, Kazakh and emoji text intact", () => {
    const p = example();
    p.mapped_answers!.messages = [
      { role: "assistant", content: "Здравствуйте! Вас беспокоит компания Allur 🚗", timestamp: "" },
      { role: "user", content: "Сәлеметсіз бе, несие туралы айтыңызшы", timestamp: "" },
    ];
    p.summary = "Клиент интересуется автокредитом 👍";
    const call = map(p);
    expect(call.transcript[0].text).toBe("Здравствуйте! Вас беспокоит компания Allur 🚗");
    expect(call.transcript[1].text).toBe("Сәлеметсіз бе, несие туралы айтыңызшы");
    expect(call.summary).toBe("Клиент интересуется автокредитом 👍");
  });

  it("maps a 2 MB transcript", () => {
    const p = example();
    const line = "user: Tell me more about the auto loan terms and the monthly payment please\n";
    p.full_transcript = line.repeat(Math.ceil((2 * 1024 * 1024) / line.length));
    delete p.mapped_answers;
    const call = map(p);
    expect(call.transcript.length).toBe(Math.ceil((2 * 1024 * 1024) / line.length));
  });

  it("accepts missing optional fields and nulls", () => {
    const call = map({ call_event_uuid: "ev-1", phone_number: null, summary: null, conversation: null, duration: null });
    expect(call.externalId).toBe("ev-1");
    expect(call.customer.phone).toBeNull();
    expect(call.transcript).toEqual([]);
    expect(call.status).toBe("unknown");
  });

  it("refuses an event without call_event_uuid", () => {
    const { call_event_uuid, ...rest } = example();
    const result = mapPayload("hubtalk", rest, ctx());
    expect(!result.ok && result.error).toMatch(/call_event_uuid/);
  });
});
