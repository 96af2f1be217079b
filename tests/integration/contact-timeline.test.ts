import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { contactTimelineSchema, type ContactTimeline } from "@/lib/contacts/schemas";
import { TEST_MANAGER } from "../support/credentials";
import { fixture } from "../support/fixtures";
import { api, baseUrl, jsonOf, sendWebhook, sql, uniq, type WebhookAnswer } from "../support/http";
import { markTestCall } from "../support/mark-test";
import { asUser } from "../support/session";

// A contact's page and GET /api/contacts/{id}: every call with one number,
// from every vendor, newest first; HubTalk's dial attempts of one lead as one
// entry; test calls left out; the latest next step and the soonest callback.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const phoneDigits = () => `1646555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
/** Unpod's start_time: a naive timestamp. */
const naive = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");

function unpodCall(phone: string, at: Date, opts: { summary: string; next: string; callback: Date }) {
  return {
    task_id: uniq("ct-task"),
    status: "completed",
    input: { name: "Rosa Contact", contact_number: phone, company_name: "Acme Ltd" },
    output: {
      call_status: "completed",
      start_time: naive(at),
      duration: 120,
      post_call_data: {
        summary: { summary: opts.summary, callback_datetime: naive(opts.callback).replace(" ", "T") },
        profile_summary: { tone: "Positive", interest_level: "Very Interested", outcome: "Meeting Scheduled", next_action: opts.next },
      },
    },
  };
}

function hubtalkAttempt(digits: string, groupKey: string, attempt: number, at: Date) {
  return {
    ...fixture<Record<string, unknown>>("hubtalk/full-example.json"),
    call_event_uuid: randomUUID(),
    call_uuid: groupKey,
    attempt_number: attempt,
    phone_number: digits,
    call_datetime: at.toISOString(),
    end_datetime: new Date(at.getTime() + 101_000).toISOString(),
  };
}

const read = async (id: string, query = "") => contactTimelineSchema.parse(await jsonOf<ContactTimeline>(api(`/api/contacts/${id}${query}`)));
const ids = (t: ContactTimeline) => t.timeline.entries.map((e) => e.calls.map((c) => c.id));
const send = async (slug: string, body: unknown) => {
  const res = await sendWebhook(slug, body);
  expect(res.status).toBe(202);
  return (await jsonOf<WebhookAnswer>(res)).callId;
};

describe("a contact's timeline", () => {
  const digits = phoneDigits();
  const phone = `+${digits}`;
  const t0 = new Date(Date.now() - 10 * DAY);
  const groupKey = randomUUID();
  let contactId: string;
  let older: string;
  let attempts: string[];
  let newest: string;
  let testCall: string;

  beforeAll(async () => {
    older = await send("unpod", unpodCall(phone, t0, { summary: "Asked for a proposal", next: "Send the proposal", callback: new Date(Date.now() + 3 * DAY) }));
    attempts = [];
    for (const n of [1, 2, 3]) attempts.push(await send("hubtalk", hubtalkAttempt(digits, groupKey, n, new Date(t0.getTime() + HOUR + n * 10 * 60_000))));
    newest = await send(
      "unpod",
      unpodCall(phone, new Date(t0.getTime() + 2 * HOUR), {
        summary: `<img src=x onerror="window.__xss=1">Wants the board to decide`,
        next: "Call after the board meeting",
        callback: new Date(Date.now() - 5 * DAY),
      }),
    );
    testCall = await send(
      "unpod",
      unpodCall(phone, new Date(t0.getTime() + 3 * HOUR), { summary: "A test", next: "Ignore me", callback: new Date(Date.now() + DAY) }),
    );
    await markTestCall(testCall);
    const note = await asUser(TEST_MANAGER, `/api/follow-ups/${older}`, {
      method: "POST",
      body: JSON.stringify({ action: "note", text: "Prefers email <b>not</b> calls" }),
    });
    expect(note.status).toBeLessThan(300);
    const review = await asUser(TEST_MANAGER, `/api/calls/${attempts[2]}/review`, {
      method: "PATCH",
      body: JSON.stringify({ outcome: "not_interested", note: "Said <i>no</i> on the third try" }),
    });
    expect(review.status).toBeLessThan(300);
    contactId = (await jsonOf<{ contactId: string }>(api(`/api/calls/${newest}`))).contactId;
  });

  it("lists the calls of both vendors newest first, the dial attempts as one entry, without test calls", async () => {
    const t = await read(contactId);
    expect(ids(t)).toEqual([[newest], [...attempts].reverse(), [older]]);
    const group = t.timeline.entries[1];
    expect(group.groupKey).toBe(groupKey);
    expect(group.calls.map((c) => [c.provider, c.attempt])).toEqual([
      ["hubtalk", 3],
      ["hubtalk", 2],
      ["hubtalk", 1],
    ]);
    expect(t.timeline.nextCursor).toBeNull();
    expect(ids(t).flat()).not.toContain(testCall);
    expect(t.contact).toMatchObject({ phone, name: "Rosa Contact", calls: { count: 5, exact: true } });
    const all = t.timeline.entries.flatMap((e) => e.calls);
    expect(t.contact.lastCallAt).toBe(all[0].startedAt);
    expect(t.contact.firstCallAt).toBe(all.at(-1)!.startedAt);
  });

  it("shows each call's notes, and the latest next step and the soonest upcoming callback", async () => {
    const t = await read(contactId);
    const call = t.timeline.entries.at(-1)!.calls[0];
    expect(call.followUpNote).toBe("Prefers email <b>not</b> calls");
    expect(call.summary).toBe("Asked for a proposal");
    // A reviewer's note, and the outcome as the reviewer corrected it.
    const third = t.timeline.entries[1].calls[0];
    expect(third).toMatchObject({ id: attempts[2], reviewNote: "Said <i>no</i> on the third try", outcome: "not_interested" });
    expect(t.contact.nextStep).toMatchObject({ text: "Call after the board meeting", callId: newest });
    // The newest call's callback has passed; the older call's is still ahead, and wins.
    expect(t.contact.callback).toMatchObject({ callId: older, upcoming: true });
    expect(t.contact.followUp?.callId).toBe(newest);
  });

  it("renders vendor text as text on the contact page", async () => {
    const res = await asUser(TEST_MANAGER, `/contacts/${contactId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("&lt;img src=x onerror=");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("3 attempts");
    expect(html).toContain("Prefers email &lt;b&gt;not&lt;/b&gt; calls");
    expect(html).toContain("Said &lt;i&gt;no&lt;/i&gt; on the third try");
  });

  it("answers 401 without credentials, 404 for a malformed or unknown id, on the API and the page", async () => {
    expect((await fetch(`${baseUrl()}/api/contacts/${contactId}`)).status).toBe(401);
    expect((await api("/api/contacts/not-a-uuid")).status).toBe(404);
    expect((await api(`/api/contacts/${randomUUID()}`)).status).toBe(404);
    expect((await asUser(TEST_MANAGER, "/contacts/not-a-uuid")).status).toBe(404);
    expect((await asUser(TEST_MANAGER, `/contacts/${randomUUID()}`)).status).toBe(404);
    expect((await api(`/api/contacts/${contactId}?cursor=nonsense`)).status).toBe(400);
  });
});

describe("a contact with many calls, or none to show", () => {
  it("pages through the calls 200 at a time, newest first, none twice", async () => {
    const phone = `+${phoneDigits()}`;
    const [source] = await sql<{ id: string }>("SELECT id FROM sources WHERE slug = 'cllr'");
    const [contact] = await sql<{ id: string }>(
      `INSERT INTO contacts (id, phone) VALUES (gen_random_uuid(), $1) ON CONFLICT (phone) DO UPDATE SET phone = excluded.phone RETURNING id`,
      [phone],
    );
    // 205 calls, two of them at the same instant (the cursor's tie-break on id). Written straight to the table,
    // so never in the rollups: removed again at the end, for the other tests' "rollups equal the calls" checks.
    const externalPrefix = uniq("page-");
    onTestFinished(() => sql("DELETE FROM calls WHERE source_id = $1 AND external_id LIKE $2", [source.id, `${externalPrefix}%`]).then(() => {}));
    await sql(
      `INSERT INTO calls (id, source_id, provider, external_id, status, started_at, event_at, content_hash, updated_at, contact_id, customer_phone)
       SELECT gen_random_uuid(), $1, 'cllr', $2 || n, 'completed', now() - make_interval(mins => least(n, 204)), now(), 'h', now(), $3, $4
       FROM generate_series(1, 205) n`,
      [source.id, externalPrefix, contact.id, phone],
    );
    const first = await read(contact.id);
    expect(first.timeline.entries).toHaveLength(200);
    expect(first.contact.calls).toEqual({ count: 205, exact: true });
    expect(first.timeline.nextCursor).toBeTruthy();
    const second = await read(contact.id, `?cursor=${first.timeline.nextCursor}`);
    expect(second.timeline.entries).toHaveLength(5);
    expect(second.timeline.nextCursor).toBeNull();
    const all = [...first.timeline.entries, ...second.timeline.entries].map((e) => e.calls[0]);
    expect(new Set(all.map((c) => c.id)).size).toBe(205);
    const times = all.map((c) => Date.parse(c.startedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const small = await read(contact.id, "?limit=2");
    expect(small.timeline.entries).toHaveLength(2);
    expect((await asUser(TEST_MANAGER, `/contacts/${contact.id}`)).status).toBe(200);
  });

  it("shows an empty state when every call was a test call", async () => {
    const phone = `+${phoneDigits()}`;
    const callId = await send("unpod", unpodCall(phone, new Date(), { summary: "Only a test", next: "None", callback: new Date() }));
    await markTestCall(callId);
    const contactId = (await jsonOf<{ contactId: string }>(api(`/api/calls/${callId}`))).contactId;
    const t = await read(contactId);
    expect(t.timeline.entries).toEqual([]);
    expect(t.contact).toMatchObject({ calls: { count: 0, exact: true }, firstCallAt: null, nextStep: null, callback: null, followUp: null });
    const html = await (await asUser(TEST_MANAGER, `/contacts/${contactId}`)).text();
    expect(html).toContain("No calls to show");
  });
});
