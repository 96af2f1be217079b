import net from "node:net";
import { describe, expect, it } from "vitest";
import { callDetailSchema } from "@/lib/calls/schemas";
import { fixture } from "../support/fixtures";
import { MAX_NAME_CHARS, MAX_SUMMARY_CHARS } from "@/lib/providers/search-limits";
import { TEST_WEBHOOK_SECRET } from "../support/credentials";
import { api, baseUrl, jsonOf, problemDetail, sendWebhook, sql, uniq, type WebhookAnswer } from "../support/http";

const detail = async (callId: string) => callDetailSchema.parse(await (await api(`/api/calls/${callId}`)).json());

describe("POST /api/webhooks/{source}", () => {
  it.each([
    ["unpod", "unpod/forwarded-task.json", { customer: { phone: "+14155550123" }, outcome: "meeting_scheduled" }],
    ["cllr", "cllr/example.json", { customer: { phone: "+15551234567" }, outcome: "meeting_scheduled" }],
    ["autocalls", "autocalls/campaign-call.json", { campaign: "Solar Spring", status: "completed" }],
    ["hubtalk", "hubtalk/full-example.json", { customer: { phone: "+77778228912" }, attempt: 1 }],
    ["hooman", "hooman/default-object.json", { customer: { phone: "+15551234567" }, durationSec: 42 }],
  ])("stores the %s docs example (202) and serves it as a canonical call", async (slug, file, expected) => {
    const res = await sendWebhook(slug, fixture(file));
    expect(res.status).toBe(202);
    const body = await jsonOf<WebhookAnswer>(res);
    expect(body).toMatchObject({ status: "stored", callId: expect.any(String), eventId: expect.any(String) });
    const call = await detail(body.callId);
    expect(call).toMatchObject({ provider: slug, source: slug, ...expected });
    expect(call.rawEventIds).toContain(body.eventId);
  });

  it("accepts the secret as Bearer, X-Webhook-Secret or ?token=, and refuses a wrong or missing one", async () => {
    const payload = () => ({ callId: uniq("cllr") });
    const bearer = await sendWebhook("cllr", payload(), { headers: { "x-webhook-secret": "", authorization: `Bearer ${TEST_WEBHOOK_SECRET}` } });
    expect(bearer.status).toBe(202);
    const query = await fetch(`${baseUrl()}/api/webhooks/cllr?token=${TEST_WEBHOOK_SECRET}`, { method: "POST", body: JSON.stringify(payload()) });
    expect(query.status).toBe(202);
    const wrong = await sendWebhook("cllr", payload(), { headers: { "x-webhook-secret": "whsec_wrong" } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ title: "Bad secret", detail: expect.stringContaining("does not match") });
    const missing = await fetch(`${baseUrl()}/api/webhooks/cllr`, { method: "POST", body: "{}" });
    expect(missing.status).toBe(401);
    expect(await problemDetail(missing)).toMatch(/Authorization: Bearer/);
  });

  it("answers 404 for an unknown source, and 405 in JSON to other methods", async () => {
    const res = await sendWebhook("nope", { callId: "x" });
    expect(res.status).toBe(404);
    expect(await problemDetail(res)).toMatch(/nope/);
    const del = await sendWebhook("cllr", "", { method: "DELETE" });
    expect(del.status).toBe(405);
    expect(del.headers.get("allow")).toBe("GET, POST, PUT");
    expect(await problemDetail(del)).toMatch(/not DELETE/);
  });

  it("answers 400 to a body that is not JSON, and keeps its exact bytes", async () => {
    const raw = `{"callId": "${uniq()}", broken`;
    const res = await sendWebhook("cllr", raw);
    expect(res.status).toBe(400);
    const body = await jsonOf<WebhookAnswer>(res);
    expect(body.detail).toMatch(/not valid JSON/);
    const [row] = await sql<{ body: Buffer; status: string; headers: Record<string, string> }>("SELECT body, status, headers FROM raw_events WHERE id = $1", [
      body.eventId,
    ]);
    expect(row.body.toString("utf8")).toBe(raw);
    expect(row.status).toBe("rejected");
    // The secret is not part of what is kept.
    expect(JSON.stringify(row.headers)).not.toContain(TEST_WEBHOOK_SECRET);
  });

  it("answers 422 to JSON it cannot map, naming the field, and keeps it for replay", async () => {
    const payload = { callerDetails: { name: "No Id" } };
    const res = await sendWebhook("cllr", payload);
    expect(res.status).toBe(422);
    const body = await jsonOf<WebhookAnswer>(res);
    expect(body.detail).toMatch(/callId/);
    const [row] = await sql<{ body: Buffer; status: string; error: string }>("SELECT body, status, error FROM raw_events WHERE id = $1", [body.eventId]);
    expect(JSON.parse(row.body.toString("utf8"))).toEqual(payload);
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/callId/);
  });

  it("answers 413 to a body over the limit, by Content-Length or while streaming", async () => {
    const big = JSON.stringify({ callId: uniq(), pad: "x".repeat(5 * 1024 * 1024 + 10) });
    const declared = await sendWebhook("cllr", big);
    expect(declared.status).toBe(413);
    // Chunked, so no Content-Length: the server must stop reading past the limit.
    // A raw socket, to see exactly what the server answers while we still write.
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const { hostname, port } = new URL(baseUrl());
      const socket = net.connect(Number(port), hostname);
      let received = "";
      const settle = () => {
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1]);
        if (!status) return reject(new Error(`no HTTP answer: ${received.slice(0, 200)}`));
        resolve({ status, body: received.slice(received.indexOf("\r\n\r\n") + 4) });
      };
      socket.on("data", (d) => {
        received += d.toString("utf8");
        // The chunked answer is complete: done, without waiting for the connection to close.
        if (received.endsWith("\r\n0\r\n\r\n")) {
          socket.destroy();
          settle();
        }
      });
      socket.on("error", () => {}); // EPIPE / ECONNRESET once the server has answered
      socket.on("close", settle);
      socket.write(
        `POST /api/webhooks/cllr HTTP/1.1\r\nHost: ${hostname}\r\nX-Webhook-Secret: ${TEST_WEBHOOK_SECRET}\r\n` +
          "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
      );
      const chunk = "x".repeat(1024 * 1024);
      let sent = 0;
      const write = () => {
        while (sent < 8 && !socket.destroyed) {
          sent++;
          if (!socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)) return void socket.once("drain", write);
        }
        if (!socket.destroyed) socket.end("0\r\n\r\n");
      };
      write();
    });
    expect(streamed.status).toBe(413);
    expect(streamed.body).toMatch(/larger than 5242880 bytes/);
  });

  it("answers 200 with the same call id to a resent event", async () => {
    const payload = { ...fixture("cllr/example.json"), callId: uniq("cllr") };
    const first = await jsonOf<WebhookAnswer>(sendWebhook("cllr", payload));
    const again = await sendWebhook("cllr", payload);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: "duplicate", callId: first.callId });
  });

  it("makes one call of the same event sent three times at once", async () => {
    const payload = { ...fixture<Record<string, unknown>>("hubtalk/full-example.json"), call_event_uuid: uniq("ev") };
    const answers = await Promise.all([1, 2, 3].map(() => sendWebhook("hubtalk", payload)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 202]);
    const ids = new Set(await Promise.all(answers.map(async (r) => (await jsonOf<WebhookAnswer>(r)).callId)));
    expect(ids.size).toBe(1);
    const [{ count }] = await sql<{ count: string }>("SELECT count(*) FROM calls WHERE external_id = $1", [payload.call_event_uuid]);
    expect(Number(count)).toBe(1);
  });

  it("groups HubTalk dial attempts of one lead by call_uuid", async () => {
    const group = uniq("grp");
    const base = fixture<Record<string, unknown>>("hubtalk/full-example.json");
    const first = await sendWebhook("hubtalk", { ...base, call_uuid: group, call_event_uuid: uniq("ev"), attempt_number: 1, status: "NO_ANSWER", duration: 0 });
    const second = await sendWebhook("hubtalk", { ...base, call_uuid: group, call_event_uuid: uniq("ev"), attempt_number: 2, status: "ANSWERED" });
    const calls = await Promise.all([first, second].map(async (r) => detail((await jsonOf<WebhookAnswer>(r)).callId)));
    expect(calls.map((c) => [c.groupKey, c.attempt, c.status])).toEqual([
      [group, 1, "no_answer"],
      [group, 2, "completed"],
    ]);
  });

  it("updates a call with a newer event and never lets an older one overwrite it", async () => {
    const id = uniq("tsk");
    const running = { task_id: id, status: "running", input: { contact_number: "+14155550142" } };
    const done = { ...fixture<Record<string, unknown>>("unpod/forwarded-task.json"), task_id: id };
    const first = await sendWebhook("unpod", running);
    expect(first.status).toBe(202);
    const { callId } = await jsonOf<WebhookAnswer>(first);
    const update = await sendWebhook("unpod", done);
    expect(update.status).toBe(202);
    expect((await jsonOf<WebhookAnswer>(update)).callId).toBe(callId);
    // The running version arrives again, late: ignored.
    const late = await sendWebhook("unpod", running);
    expect(late.status).toBe(200);
    expect((await jsonOf<WebhookAnswer>(late)).callId).toBe(callId);
    const call = await detail(callId);
    expect(call.status).toBe("completed");
    expect(call.transcript.length).toBeGreaterThan(0);
  });

  it("takes Hooman's GET with query parameters", async () => {
    const sid = uniq("CA");
    const q = new URLSearchParams({
      token: TEST_WEBHOOK_SECRET,
      id: sid,
      callType: "outbound",
      callee: "+15557654000",
      duration: "31",
      disposition: "Interested",
      summary: "Asked for a brochure",
      // Postgres text cannot hold NUL: dropped, so the event can be kept at all.
      note: "a\u0000b",
    });
    const res = await fetch(`${baseUrl()}/api/webhooks/hooman?${q}`);
    expect(res.status).toBe(202);
    const call = await detail((await jsonOf<WebhookAnswer>(res)).callId);
    expect(call).toMatchObject({
      externalId: sid,
      durationSec: 31,
      outcome: "interested",
      summary: "Asked for a brochure",
      customer: { phone: "+15557654000" },
    });
    const [row] = await sql<{ query: Record<string, string> }>("SELECT query FROM raw_events WHERE id = $1", [call.rawEventIds[0]]);
    expect(row.query).toMatchObject({ id: sid, duration: "31", note: "ab" });
    expect(row.query.token).toBeUndefined();
  });

  it("stores a 2 MB transcript and non-Latin text intact, and finds it by full-text search", async () => {
    const base = fixture("hubtalk/full-example.json");
    const word = `автокредит${Date.now()}`;
    const line = `user: Сәлеметсіз бе 🚗 ${word} and the monthly payment please\n`;
    const payload = {
      ...base,
      call_event_uuid: uniq("ev"),
      mapped_answers: null,
      full_transcript: line.repeat(Math.ceil((2 * 1024 * 1024) / Buffer.byteLength(line))),
    };
    const res = await sendWebhook("hubtalk", payload);
    expect(res.status).toBe(202);
    const call = await detail((await jsonOf<WebhookAnswer>(res)).callId);
    expect(call.transcript[0].text).toBe(line.slice(6).trim());
    const found = await jsonOf<{ items: { id: string }[] }>(api(`/api/calls?q=${encodeURIComponent(word)}`));
    expect(found.items.map((c) => c.id)).toEqual([call.id]);
  });

  it("saves a call whose summary and customer name are megabytes of different words, cut to what a search index holds", async () => {
    const words = Array.from({ length: 250_000 }, (_, n) => `w${n.toString(36)}`).join(" ");
    const base = fixture<Record<string, unknown>>("hubtalk/full-example.json");
    const payload = { ...base, call_event_uuid: uniq("ev"), summary: words, extra_variables: [{ name: "clientName", value: words }] };
    const res = await sendWebhook("hubtalk", payload);
    expect(res.status, await res.clone().text()).toBe(202);
    const call = await detail((await jsonOf<WebhookAnswer>(res)).callId);
    expect(call.summary).toHaveLength(MAX_SUMMARY_CHARS);
    expect(call.summary!.endsWith("…")).toBe(true);
    expect(words.startsWith(call.summary!.slice(0, -1))).toBe(true);
    expect(call.customer.name).toHaveLength(MAX_NAME_CHARS);
    const found = await jsonOf<{ items: { id: string }[] }>(api(`/api/calls?q=${words.slice(0, 200).split(" ")[30]}`));
    expect(found.items.map((c) => c.id)).toContain(call.id);
  });

  it.each([
    ["daily_outcome_stats", "status, COALESCE(sentiment, '') AS sentiment, COALESCE(outcome, '') AS outcome", "status, sentiment, outcome"],
    ["daily_source_stats", "provider, COALESCE(campaign, '') AS campaign", "provider, campaign"],
  ])("keeps %s equal to the calls it summarizes", async (table, dimensions, columns) => {
    const drift = await sql(`
      WITH actual AS (
        SELECT (started_at AT TIME ZONE 'UTC')::date AS day, ${dimensions},
               count(*)::int AS calls, COALESCE(sum(duration_sec), 0)::bigint AS talk_sec, count(*) FILTER (WHERE is_hot)::int AS hot_calls
        FROM calls WHERE NOT is_test GROUP BY day, ${columns}),
      rollup AS (SELECT day, ${columns}, sum(calls)::int AS calls, sum(talk_sec)::bigint AS talk_sec, sum(hot_calls)::int AS hot_calls
                 FROM ${table} GROUP BY day, ${columns} HAVING sum(calls) <> 0)
      SELECT * FROM actual FULL JOIN rollup r USING (day, ${columns})
      WHERE actual.calls IS DISTINCT FROM r.calls OR actual.talk_sec IS DISTINCT FROM r.talk_sec OR actual.hot_calls IS DISTINCT FROM r.hot_calls`);
    expect(drift).toEqual([]);
  });
});
