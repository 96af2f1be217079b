import { describe, expect, it } from "vitest";
import { callDetailSchema } from "@/lib/calls/schemas";
import { TEST_ADMIN } from "../support/credentials";
import { fixture } from "../support/fixtures";
import { api, sendWebhook, uniq } from "../support/http";
import { asUser } from "../support/session";

// A vendor can send one call any number of times. The call's page and its
// detail name only the newest 20 requests, say how many there are, and the
// admin inbox, filtered by the call, lists every one.

const count = (html: string, testId: string) => html.split(`data-testid="${testId}"`).length - 1;

describe("a call sent 25 times", () => {
  it("shows its newest 20 requests, the count, and a link to all 25 in the inbox", async () => {
    const payload = { ...fixture("cllr/example.json"), callId: uniq("cllr"), transcriptUri: undefined };
    const eventIds: string[] = [];
    let callId = "";
    for (let i = 0; i < 25; i++) {
      const res = await sendWebhook("cllr", payload);
      expect(res.status).toBe(i === 0 ? 202 : 200);
      const body = (await res.json()) as { callId: string; eventId: string };
      eventIds.push(body.eventId);
      callId = body.callId;
    }

    const call = callDetailSchema.parse(await (await api(`/api/calls/${callId}`)).json());
    expect(call.rawEventCount).toBe(25);
    expect(call.rawEventIds).toEqual(eventIds.slice(5).reverse());

    const page = await (await asUser(TEST_ADMIN, `/calls/${callId}`)).text();
    expect(count(page, "raw-event")).toBe(20);
    expect(page).toContain("The newest 20 of 25 requests");
    expect(page).toContain(`href="/admin/inbox?call=${callId}"`);
    expect(page).toContain("All 25 in the inbox");

    const inbox = await (await asUser(TEST_ADMIN, `/admin/inbox?call=${callId}`)).text();
    expect(count(inbox, "inbox-row")).toBe(25);
    const listed = (await (await asUser(TEST_ADMIN, `/api/raw-events?call=${callId}`)).json()) as { items: { id: string; callId: string }[] };
    expect(listed.items.map((e) => e.id)).toEqual([...eventIds].reverse());
    expect(new Set(listed.items.map((e) => e.callId))).toEqual(new Set([callId]));
  });

  it("refuses an inbox filter that is not a call id", async () => {
    const res = await asUser(TEST_ADMIN, "/api/raw-events?call=not-a-call");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/call/i);
  });
});
