import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ADMIN, TEST_MANAGER } from "../support/credentials";
import { createDestination, deleteDestination, deliveryOfCall, sendAutocallsCall } from "../support/destinations";
import { fixture } from "../support/fixtures";
import { api, jsonOf, sendWebhook, sql, type WebhookAnswer } from "../support/http";
import { startReceiver, type Receiver } from "../support/receiver";
import { asUser } from "../support/session";
import { createSource } from "../support/sources";

// "Send test event" makes a test call: badged, kept out of the KPIs, charts,
// hot leads, source health and forwarding, and removable in one click. No
// vendor payload can make its own call a test call.

const admin = (path: string, init?: RequestInit) => asUser(TEST_ADMIN, path, init);

let receiver: Receiver;
let source: { id: string; slug: string };
let hook: { id: string };

beforeAll(async () => {
  receiver = await startReceiver({ status: 204 });
  source = await createSource("autocalls");
  hook = await createDestination({
    kind: "webhook",
    name: "Everything",
    config: { url: `${receiver.url}/hooks` },
    rules: { calls: "all", sourceIds: [source.id] },
  });
});
afterAll(async () => {
  await deleteDestination(hook.id);
  await receiver.close();
});

async function sendTestEvent(slug = source.slug): Promise<WebhookAnswer> {
  const res = await admin(`/api/sources/${slug}/test-event`, { method: "POST", body: "{}" });
  expect(res.status).toBe(200);
  const { status, answer } = await jsonOf<{ status: number; answer: WebhookAnswer }>(res);
  expect(status).toBe(202);
  return answer;
}

const kpiCalls = async () => (await jsonOf<{ current: { calls: number } }>(api("/api/stats/trends?days=7"))).current.calls;

/** The rollups hold exactly the calls that are not tests. */
async function rollupsMatchRealCalls() {
  const [{ rolled, sources, real }] = await sql<{ rolled: number; sources: number; real: number }>(
    `SELECT (SELECT COALESCE(sum(calls), 0)::int FROM daily_outcome_stats) AS rolled,
            (SELECT COALESCE(sum(calls), 0)::int FROM daily_source_stats) AS sources,
            (SELECT count(*)::int FROM calls WHERE NOT is_test) AS real`,
  );
  expect(rolled).toBe(real);
  expect(sources).toBe(real);
}

async function healthOf(slug: string) {
  const { sources } = await jsonOf<{ sources: { slug: string; last24h: Record<string, number>; lastEventAt: string | null }[] }>(admin("/api/sources"));
  return sources.find((s) => s.slug === slug)!;
}

describe("test events", () => {
  it("make a test call: badged, not counted in KPIs, charts or source health, not a hot lead, not forwarded", async () => {
    const before = await kpiCalls();
    const { callId } = await sendTestEvent();

    const call = await jsonOf<{ isTest: boolean; provider: string }>(api(`/api/calls/${callId}`));
    expect(call).toMatchObject({ isTest: true, provider: "autocalls" });
    const page = await (await admin(`/calls/${callId}`)).text();
    expect(page).toMatch(/>Test</);

    expect(await kpiCalls()).toBe(before);
    await rollupsMatchRealCalls();
    const health = await healthOf(source.slug);
    expect(health.lastEventAt).toBeNull();
    expect(health.last24h.stored ?? 0).toBe(0);

    // Even when it scores as hot, a test call is not a lead to call back.
    await sql(`UPDATE calls SET is_hot = true, lead_score = 100 WHERE id = $1`, [callId]);
    const hotLeads = await (await admin("/hot-leads")).text();
    expect(hotLeads).not.toContain(callId);

    // A real call from the same source is forwarded (and counted); the test call never is.
    const realId = await sendAutocallsCall(source.slug);
    await expect.poll(async () => (await deliveryOfCall(hook.id, realId))?.status, { timeout: 20_000, interval: 250 }).toBe("delivered");
    expect(await deliveryOfCall(hook.id, callId)).toBeUndefined();
    expect(receiver.requests.some((r) => r.body.includes(callId))).toBe(false);
    await rollupsMatchRealCalls();
    expect((await healthOf(source.slug)).last24h.stored).toBe(1);

    const realCall = await jsonOf<{ isTest: boolean }>(api(`/api/calls/${realId}`));
    expect(realCall.isTest).toBe(false);
    expect(await (await admin(`/calls/${realId}`)).text()).not.toMatch(/>Test</);
  });

  it("a vendor's payload or headers cannot mark a call test", async () => {
    const payload = {
      ...fixture<Record<string, unknown>>("cllr/example.json"),
      callId: `cllr-${Date.now()}`,
      transcriptUri: undefined,
      is_test: true,
      isTest: true,
    };
    const res = await sendWebhook("cllr", payload, { headers: { "x-test-event": "1", "user-agent": "call-analytics test event" } });
    expect(res.status).toBe(202);
    const { callId } = (await res.json()) as WebhookAnswer;
    expect((await jsonOf<{ isTest: boolean }>(api(`/api/calls/${callId}`))).isTest).toBe(false);
    await rollupsMatchRealCalls();
  });

  it("a vendor's real call with a sample's id is a real call, kept by Remove test calls; a sample never overwrites a real call", async () => {
    const shared = await createSource("autocalls");
    const { callId } = await sendTestEvent(shared.slug);
    const [{ external_id: sampleId }] = await sql<{ external_id: string }>(`SELECT external_id FROM calls WHERE id = $1`, [callId]);

    // The vendor's own call under the sample's id (its payload is newer): counted and forwarded from then on.
    const realId = await sendAutocallsCall(shared.slug, {
      id: Number(sampleId),
      created_at: new Date().toISOString(),
      finished_at: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(realId).toBe(callId);
    expect((await jsonOf<{ isTest: boolean }>(api(`/api/calls/${callId}`))).isTest).toBe(false);
    await rollupsMatchRealCalls();
    const removed = await jsonOf<{ calls: number }>(admin(`/api/sources/${shared.slug}/test-calls`, { method: "DELETE" }));
    expect(removed.calls).toBe(0);
    expect((await api(`/api/calls/${callId}`)).status).toBe(200);
  });

  it("are listed on the source page and removed in one click, with their events, audited", async () => {
    const removable = await createSource("hubtalk");
    const first = await sendTestEvent(removable.slug);
    const second = await sendTestEvent(removable.slug);
    const page = await (await admin(`/admin/sources/${removable.slug}`)).text();
    expect(page).toContain("Remove test calls");
    expect(page).toContain(`/calls/${first.callId}`);

    // Admins only, and only from the app's own pages.
    expect((await asUser(TEST_MANAGER, `/api/sources/${removable.slug}/test-calls`, { method: "DELETE" })).status).toBe(403);
    expect((await api(`/api/sources/${removable.slug}/test-calls`, { method: "DELETE" })).status).toBe(403);

    const res = await admin(`/api/sources/${removable.slug}/test-calls`, { method: "DELETE" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ calls: 2, events: 2 });
    for (const { callId, eventId } of [first, second]) {
      expect((await api(`/api/calls/${callId}`)).status).toBe(404);
      expect(await sql(`SELECT 1 FROM raw_events WHERE id = $1`, [eventId])).toEqual([]);
    }
    const after = await (await admin(`/admin/sources/${removable.slug}`)).text();
    expect(after).toContain("No test calls");
    await rollupsMatchRealCalls();

    const { items } = await jsonOf<{ items: { action: string; targetId: string; actorEmail: string; after: unknown }[] }>(
      admin("/api/audit?action=source.remove_test_calls"),
    );
    expect(items.find((e) => e.targetId === removable.slug)).toMatchObject({ actorEmail: TEST_ADMIN.email, after: { calls: 2, events: 2 } });
  });

  it("do not keep a source from being deleted: they go with it", async () => {
    const tried = await createSource("unpod");
    const { callId } = await sendTestEvent(tried.slug);
    expect((await admin(`/api/sources/${tried.slug}`, { method: "DELETE" })).status).toBe(200);
    expect((await api(`/api/calls/${callId}`)).status).toBe(404);
  });
});
