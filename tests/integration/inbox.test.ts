import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TEST_ADMIN, TEST_MANAGER, TEST_WEBHOOK_SECRET } from "../support/credentials";
import { fixture } from "../support/fixtures";
import { jsonOf, sendWebhook, sql } from "../support/http";
import { asUser } from "../support/session";
import { createSource } from "../support/sources";

// The inbox of raw events: filter, read one as received, replay a selection
// through the current adapter and see what became of each.

const admin = (path: string, init?: RequestInit) => asUser(TEST_ADMIN, path, init);

type Page = { items: { id: string; status: string }[]; nextCursor: string | null; total: { count: number; exact: boolean } };

/** Two HubTalk calls posted to a source set up as Cllr: both 422, kept as failed. */
async function misconfiguredSource() {
  const source = await createSource("cllr");
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) {
    const res = await sendWebhook(source.slug, { ...fixture<Record<string, unknown>>("hubtalk/full-example.json"), call_event_uuid: randomUUID() });
    expect(res.status).toBe(422);
    ids.push(((await res.json()) as { eventId: string }).eventId);
  }
  return { ...source, ids };
}

describe("inbox of raw events", () => {
  it("filters by source and status, newest first, page by page", async () => {
    const { slug, ids } = await misconfiguredSource();
    expect((await sendWebhook(slug, "{broken")).status).toBe(400);

    const failed = await jsonOf<Page>(admin(`/api/raw-events?source=${slug}&status=failed`));
    expect(failed.items.map((e) => e.id)).toEqual([...ids].reverse());
    expect(failed.total).toEqual({ count: 2, exact: true });
    expect(failed.items[0]).toMatchObject({ status: "failed", source: { slug, provider: "cllr" }, error: expect.stringContaining("Cllr payload") });

    const first = await jsonOf<Page>(admin(`/api/raw-events?source=${slug}&limit=2`));
    expect(first.items.map((e) => e.status)).toEqual(["rejected", "failed"]);
    const second = await jsonOf<Page>(admin(`/api/raw-events?source=${slug}&limit=2&cursor=${first.nextCursor}`));
    expect(second.items.map((e) => e.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
    // The total is the filter's, whichever page: the admin sees "3 events" on both.
    expect(second.total).toEqual({ count: 3, exact: true });
    expect(await (await admin(`/admin/inbox?source=${slug}`)).text()).toMatch(/data-testid="list-total"[^>]*>3 events</);
  });

  it("shows one event as received, without the credentials it came with", async () => {
    const { ids } = await misconfiguredSource();
    const event = await jsonOf<{ body: string; headers: Record<string, string> }>(admin(`/api/raw-events/${ids[0]}`));
    expect(JSON.parse(event.body) as unknown).toMatchObject({ call_uuid: expect.any(String) });
    expect(event.headers["content-type"]).toBe("application/json");
    expect(JSON.stringify(event)).not.toContain(TEST_WEBHOOK_SECRET);
    expect((await admin(`/api/raw-events/${randomUUID()}`)).status).toBe(404);
  });

  it("replays a selection once the source is fixed, and says what became of each", async () => {
    const { slug, ids } = await misconfiguredSource();
    const missing = randomUUID();
    const before = await jsonOf<{ outcomes: unknown[] }>(admin("/api/raw-events/replay", { method: "POST", body: JSON.stringify({ ids: [ids[0]] }) }));
    expect(before.outcomes).toEqual([{ id: ids[0], result: "failed", error: expect.stringContaining("Cllr payload") }]);

    await sql("UPDATE sources SET provider = 'hubtalk' WHERE slug = $1", [slug]);
    const res = await admin("/api/raw-events/replay", { method: "POST", body: JSON.stringify({ ids: [...ids, missing] }) });
    expect(res.status).toBe(200);
    const { outcomes } = await jsonOf<{ outcomes: unknown[] }>(res);
    expect(outcomes).toEqual([
      { id: missing, result: "not_found" },
      { id: ids[0], result: "stored", callId: expect.any(String) },
      { id: ids[1], result: "stored", callId: expect.any(String) },
    ]);
    expect((await jsonOf<Page>(admin(`/api/raw-events?source=${slug}&status=failed`))).items).toEqual([]);
    const [row] = await sql<{ status: string }>("SELECT status::text FROM raw_events WHERE id = $1", [ids[0]]);
    expect(row.status).toBe("stored");

    // The audit log says who replayed what, and with what result.
    const audit = await jsonOf<{ items: unknown[] }>(admin("/api/audit?action=raw_events.replay&limit=5"));
    expect(audit.items).toContainEqual(
      expect.objectContaining({
        actorEmail: TEST_ADMIN.email,
        targetName: "3 events",
        after: { results: { not_found: 1, stored: 2 }, ids: [missing, ...ids] },
      }),
    );
  });

  it("refuses managers and bad requests", async () => {
    expect((await asUser(TEST_MANAGER, "/api/raw-events")).status).toBe(403);
    expect((await asUser(TEST_MANAGER, `/api/raw-events/${randomUUID()}`)).status).toBe(403);
    expect((await asUser(TEST_MANAGER, "/api/raw-events/replay", { method: "POST", body: JSON.stringify({ ids: [randomUUID()] }) })).status).toBe(403);
    expect((await admin("/api/raw-events/replay", { method: "POST", body: JSON.stringify({ ids: ["nope"] }) })).status).toBe(400);
    expect((await admin("/api/raw-events?status=lost")).status).toBe(400);
    expect((await admin("/api/raw-events?cursor=not-ours")).status).toBe(400);
    expect((await admin("/api/audit?cursor=not-ours")).status).toBe(400);
  });
});
