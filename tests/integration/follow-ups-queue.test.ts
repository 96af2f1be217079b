import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { groupByDay } from "@/lib/follow-ups/day-groups";
import { listFollowUps, type FollowUp } from "@/lib/follow-ups/query";
import { allPages, createFollowUpSource, deleteFollowUpSource, HOUR, seedCall as seedCallOf, type Seed } from "../support/follow-ups";
import { sql } from "../support/http";

// The follow-up queue on a real Postgres: calls are written straight into the
// table with the fields that put them in the queue, then read through the
// library at a fixed "now" (follow-ups-api.test.ts acts on them over HTTP).

let sourceId: string;
const seedCall = (s: Seed) => seedCallOf(sourceId, s);

const only = (items: FollowUp[], ids: string[]) => items.filter((i) => ids.includes(i.id)).map((i) => i.id);

describe("follow-up queue", () => {
  const now = new Date();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    sourceId = await createFollowUpSource();
    ids.overdue = await seedCall({ startedAt: new Date(now.getTime() - 26 * HOUR), callbackAt: new Date(now.getTime() - 2 * HOUR) });
    ids.hotNoTime = await seedCall({ startedAt: new Date(now.getTime() - HOUR), isHot: true });
    ids.later = await seedCall({ startedAt: new Date(now.getTime() - 3 * HOUR), callbackAt: new Date(now.getTime() + 30 * HOUR) });
    ids.soon = await seedCall({ startedAt: new Date(now.getTime() - 4 * HOUR), callbackAt: new Date(now.getTime() + 3 * HOUR) });
    ids.nextStep = await seedCall({ startedAt: new Date(now.getTime() - 5 * HOUR), nextAction: "Send the price list" });
    ids.nothing = await seedCall({ startedAt: new Date(now.getTime() - 5 * HOUR) });
    ids.test = await seedCall({ startedAt: new Date(now.getTime() - 5 * HOUR), callbackAt: new Date(now.getTime() - HOUR), isTest: true });
    const phone = `+1415${Math.floor(1e6 + Math.random() * 8e6)}`;
    ids.olderOfContact = await seedCall({ phone, startedAt: new Date(now.getTime() - 48 * HOUR), callbackAt: new Date(now.getTime() - 20 * HOUR) });
    ids.newerOfContact = await seedCall({ phone, startedAt: new Date(now.getTime() - 6 * HOUR), isHot: true });
  });

  // The calls were written around the pipeline (no rollups): they go with their source, so other files' totals hold.
  afterAll(async () => {
    await deleteFollowUpSource(sourceId);
  });

  it("puts overdue callbacks first, then the rest by due time, and leaves out calls with nothing to do and test calls", async () => {
    const items = await allPages("open", now);
    const mine = [ids.overdue, ids.hotNoTime, ids.later, ids.soon, ids.nextStep, ids.nothing, ids.test].map(String);
    expect(only(items, mine)).toEqual([ids.overdue, ids.nextStep, ids.hotNoTime, ids.soon, ids.later]);
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(ids.overdue)).toMatchObject({ overdue: true, reasons: ["callback"] });
    expect(byId.get(ids.hotNoTime)).toMatchObject({ overdue: false, reasons: ["hot"] });
    expect(byId.get(ids.nextStep)).toMatchObject({ overdue: false, reasons: ["nextStep"], nextAction: "Send the price list" });
    // Every overdue row of the whole queue comes before every other.
    const firstOnTime = items.findIndex((i) => !i.overdue);
    expect(items.slice(firstOnTime).some((i) => i.overdue)).toBe(false);
  });

  it("lists a customer once: the newest call that needs a follow-up, with the older one among their other calls", async () => {
    const items = await allPages("open", now);
    expect(only(items, [ids.olderOfContact, ids.newerOfContact])).toEqual([ids.newerOfContact]);
    const newer = items.find((i) => i.id === ids.newerOfContact)!;
    expect(newer.otherCalls.count).toBe(1);
    expect(newer.otherCalls.latest.map((o) => o.id)).toEqual([ids.olderOfContact]);
  });

  it("pages forward and back with keyset cursors, covering every row once, and the total equals a direct SQL count", async () => {
    const extra = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        seedCall({ startedAt: new Date(now.getTime() - (i + 10) * HOUR), callbackAt: new Date(now.getTime() + (i % 3) * HOUR) }),
      ),
    );
    const forward = await allPages("open", now, 5);
    const forwardIds = forward.map((i) => i.id);
    expect(new Set(forwardIds).size).toBe(forwardIds.length);
    expect(forwardIds).toEqual(expect.arrayContaining(extra));

    const direct = await sql<{ id: string }>(
      `SELECT c.id FROM calls c
       WHERE NOT c.is_test AND c.handled_at IS NULL AND (c.callback_at IS NOT NULL OR c.is_hot OR c.next_action IS NOT NULL)
         AND (c.snoozed_until IS NULL OR c.snoozed_until < $1)
         AND NOT EXISTS (SELECT 1 FROM calls n WHERE n.contact_id = c.contact_id AND n.started_at > c.started_at AND NOT n.is_test
                         AND n.handled_at IS NULL AND (n.callback_at IS NOT NULL OR n.is_hot OR n.next_action IS NOT NULL))`,
      [now],
    );
    expect([...forwardIds].sort()).toEqual(direct.map((r) => r.id).sort());
    const first = await listFollowUps({ view: "open", assignee: "all", viewerId: null, limit: 5, now });
    expect(first.total).toMatchObject({ count: direct.length, exact: true });
    expect(first.total.overdue).toBe(forward.filter((i) => i.overdue).length);
    expect(first.prevCursor).toBeNull();

    // Back from the last page, page by page, gives the same rows in the same order.
    let page = await listFollowUps({ view: "open", assignee: "all", viewerId: null, limit: 5, now });
    const pages = [page];
    while (page.nextCursor) pages.push((page = await listFollowUps({ view: "open", assignee: "all", viewerId: null, limit: 5, cursor: page.nextCursor })));
    const backward: string[] = [];
    let back = pages.at(-1)!;
    backward.unshift(...back.items.map((i) => i.id));
    while (back.prevCursor) {
      back = await listFollowUps({ view: "open", assignee: "all", viewerId: null, limit: 5, cursor: back.prevCursor });
      backward.unshift(...back.items.map((i) => i.id));
    }
    expect(backward).toEqual(forwardIds);
  });

  it("reads a page of a few thousand queued calls through the partial due-time index", async () => {
    // In a transaction rolled back at the end, so the other tests' database is left as it was.
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO calls (id, source_id, provider, external_id, status, started_at, event_at, content_hash, updated_at, callback_at, is_hot, next_action, handled_at)
         SELECT gen_random_uuid(), $1, 'unpod', 'bulk-' || g, 'completed', now() - g * interval '1 hour', now(), 'h', now(),
                CASE WHEN g % 3 = 0 THEN now() + (g % 50) * interval '1 hour' END, g % 5 = 0, CASE WHEN g % 7 = 0 THEN 'Email pricing sheet' END,
                CASE WHEN g % 2 = 0 THEN now() END
         FROM generate_series(1, 5000) g`,
        [sourceId],
      );
      await client.query("ANALYZE calls");
      const page = await client.query<{ "QUERY PLAN": string }>(
        `EXPLAIN SELECT c.id FROM calls c
         WHERE NOT c.is_test AND c.handled_at IS NULL AND (c.callback_at IS NOT NULL OR c.is_hot OR c.next_action IS NOT NULL)
           AND c.snoozed_until IS NULL AND (c.callback_at IS NULL OR c.callback_at >= now())
           AND (COALESCE(c.snoozed_until, c.callback_at, c.started_at), c.id) > (now() - interval '1 day', '00000000-0000-0000-0000-000000000000'::uuid)
         ORDER BY COALESCE(c.snoozed_until, c.callback_at, c.started_at), c.id LIMIT 26`,
      );
      expect(page.rows.map((r) => r["QUERY PLAN"]).join("\n")).toContain("calls_follow_up_due_idx");
    } finally {
      await client.query("ROLLBACK");
      await client.end();
    }
  });

  it("groups by calendar day in the viewer's time zone, across midnight", () => {
    // 22:30 on Nov 27 in New York is 03:30 on Nov 28 in UTC.
    const at = new Date("2026-11-28T03:30:00Z");
    const items = [
      { id: "a", dueAt: "2026-11-28T01:00:00Z", overdue: true },
      { id: "b", dueAt: "2026-11-28T04:30:00Z", overdue: false }, // 23:30 in New York: today there
      { id: "c", dueAt: "2026-11-28T05:30:00Z", overdue: false }, // 00:30 on Nov 28 in New York: tomorrow there, today in UTC
      { id: "d", dueAt: "2026-11-30T05:30:00Z", overdue: false },
    ];
    const shape = (tz: string) => groupByDay(items, at, tz).map((g) => [g.group, g.items.map((i) => i.id).join("")]);
    expect(shape("America/New_York")).toEqual([
      ["overdue", "a"],
      ["today", "b"],
      ["tomorrow", "c"],
      ["later", "d"],
    ]);
    expect(shape("UTC")).toEqual([
      ["overdue", "a"],
      ["today", "bc"],
      ["later", "d"],
    ]);
  });
});
