import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { groupByDay } from "@/lib/follow-ups/day-groups";
import { listFollowUps, type FollowUp } from "@/lib/follow-ups/query";
import { countDueFollowUps } from "@/lib/follow-ups/count";
import { TEST_MANAGER } from "../support/credentials";
import { api, baseUrl, jsonOf, problemDetail, sql, uniq } from "../support/http";
import { asUser } from "../support/session";

// The follow-up queue on a real Postgres: calls are written straight into the
// table with the fields that put them in the queue, then read through the
// library (at a fixed "now") and through the HTTP API (as people and keys).

const HOUR = 3_600_000;
let sourceId: string;

interface Seed {
  name?: string;
  startedAt: Date;
  callbackAt?: Date | null;
  isHot?: boolean;
  nextAction?: string | null;
  isTest?: boolean;
  phone?: string;
}

async function contactFor(phone: string, at: Date): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO contacts (id, phone, first_call_at, last_call_at) VALUES (gen_random_uuid(), $1, $2, $2)
     ON CONFLICT (phone) DO UPDATE SET last_call_at = excluded.last_call_at RETURNING id`,
    [phone, at],
  );
  return row.id;
}

async function seedCall(s: Seed): Promise<string> {
  const id = randomUUID();
  const phone = s.phone ?? `+1415${Math.floor(1e6 + Math.random() * 8e6)}`;
  await sql(
    `INSERT INTO calls (id, source_id, provider, external_id, status, started_at, event_at, content_hash, updated_at,
                        contact_id, customer_phone, customer_name, summary, callback_at, is_hot, lead_score, next_action, is_test)
     VALUES ($1::uuid, $2, 'unpod', $1::text, 'completed', $3, $3, 'h', now(), $4, $5, $6, 'Asked about the annual plan', $7, $8, $9, $10, $11)`,
    [
      id,
      sourceId,
      s.startedAt,
      await contactFor(phone, s.startedAt),
      phone,
      s.name ?? uniq("Customer"),
      s.callbackAt ?? null,
      s.isHot ?? false,
      s.isHot ? 90 : 45,
      s.nextAction ?? null,
      s.isTest ?? false,
    ],
  );
  return id;
}

/** Every page of a view, following nextCursor; the ids in order. */
async function allPages(view: "open" | "snoozed" | "done", now: Date, limit = 7): Promise<FollowUp[]> {
  const items: FollowUp[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const page = await listFollowUps({ view, assignee: "all", viewerId: null, cursor, limit, now });
    items.push(...page.items);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
  throw new Error("paging did not end");
}

const only = (items: FollowUp[], ids: string[]) => items.filter((i) => ids.includes(i.id)).map((i) => i.id);

const post = (id: string, body: unknown) => asUser(TEST_MANAGER, `/api/follow-ups/${id}`, { method: "POST", body: JSON.stringify(body) });

describe("follow-up queue", () => {
  const now = new Date();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    [{ id: sourceId }] = (await sql<{ id: string }>(
      `INSERT INTO sources (id, slug, name, provider, secret_hash, updated_at) VALUES (gen_random_uuid(), $1, $1, 'unpod', 'x', now()) RETURNING id`,
      [uniq("fu-source")],
    )) as [{ id: string }];
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
    await sql(`DELETE FROM sources WHERE id = $1`, [sourceId]);
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

  describe("over HTTP", () => {
    it("refuses the anonymous, serves managers and API keys", async () => {
      expect((await fetch(`${baseUrl()}/api/follow-ups`)).status).toBe(401);
      const asManager = await asUser(TEST_MANAGER, "/api/follow-ups?view=open&assignee=all");
      expect(asManager.status).toBe(200);
      const body = await jsonOf<{ items: FollowUp[]; total: { count: number } }>(asManager);
      expect(body.total.count).toBeGreaterThan(0);
      expect((await api("/api/follow-ups")).status).toBe(200);
      expect(await problemDetail(api("/api/follow-ups?view=everything"))).toContain("Choose a view");
    });

    it("refuses a change from another site, and from an API key", async () => {
      const crossSite = await asUser(TEST_MANAGER, `/api/follow-ups/${ids.soon}`, {
        method: "POST",
        body: '{"action":"done"}',
        headers: { origin: "https://evil.example" },
      });
      expect(crossSite.status).toBe(403);
      const withKey = await api(`/api/follow-ups/${ids.soon}`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"action":"done"}' });
      expect(withKey.status).toBe(403);
      const [row] = await sql<{ handled_at: Date | null }>("SELECT handled_at FROM calls WHERE id = $1", [ids.soon]);
      expect(row.handled_at).toBeNull();
    });

    it("answers 404 for an unknown call and a plain message for a bad body", async () => {
      expect((await post(randomUUID(), { action: "done" })).status).toBe(404);
      const bad = await post(ids.soon, { action: "snooze", until: "tomorrow" });
      expect(bad.status).toBe(400);
      expect(await problemDetail(bad)).toContain("Choose a date and time");
      const long = await post(ids.soon, { action: "note", text: "x".repeat(1001) });
      expect(await problemDetail(long)).toContain("at most 1000 characters");
    });

    it("snoozing moves a follow-up out of the open queue into snoozed, with its new due time", async () => {
      const until = new Date(Date.now() + 48 * HOUR).toISOString();
      expect((await post(ids.overdue, { action: "snooze", until })).status).toBe(200);
      const open = await allPages("open", new Date());
      expect(open.some((i) => i.id === ids.overdue)).toBe(false);
      const snoozed = (await allPages("snoozed", new Date())).find((i) => i.id === ids.overdue);
      expect(snoozed).toMatchObject({ overdue: false, snoozedUntil: until });
      expect(snoozed!.dueAt).toBe(until);
    });

    it("assigns to a person: 'assigned to me' shows it, 'unassigned' does not; a note keeps who wrote it", async () => {
      const [manager] = await sql<{ id: string }>("SELECT id FROM users WHERE email = $1", [TEST_MANAGER.email]);
      expect((await post(ids.soon, { action: "assign", userId: manager.id })).status).toBe(200);
      expect((await post(ids.soon, { action: "note", text: "Call after lunch, ask for Dana" })).status).toBe(200);
      const mine = await jsonOf<{ items: FollowUp[] }>(asUser(TEST_MANAGER, "/api/follow-ups?assignee=me&limit=100"));
      const row = mine.items.find((i) => i.id === ids.soon);
      expect(row).toMatchObject({ assignee: { id: manager.id, name: "Manager" }, note: { text: "Call after lunch, ask for Dana", by: "Manager" } });
      expect(mine.items.every((i) => i.assignee?.id === manager.id)).toBe(true);
      const unassigned = await listFollowUps({ view: "open", assignee: "unassigned", viewerId: manager.id, limit: 100, now: new Date() });
      expect(unassigned.items.some((i) => i.id === ids.soon)).toBe(false);
      expect((await post(ids.soon, { action: "assign", userId: randomUUID() })).status).toBe(400);
      const [audit] = await sql<{ action: string }>("SELECT action FROM audit_log WHERE target_id = $1 ORDER BY at DESC LIMIT 1", [ids.soon]);
      expect(audit.action).toBe("follow-up.note");
    });

    it("done takes it out (and out of Hot leads' list), reopen brings it back; the badge count follows", async () => {
      const before = await countDueFollowUps();
      expect((await post(ids.hotNoTime, { action: "done" })).status).toBe(200);
      expect(await countDueFollowUps()).toBe(before - 1);
      expect((await allPages("open", new Date())).some((i) => i.id === ids.hotNoTime)).toBe(false);
      expect((await allPages("done", new Date())).some((i) => i.id === ids.hotNoTime)).toBe(true);
      const [handled] = await sql<{ handled_at: Date | null }>("SELECT handled_at FROM calls WHERE id = $1", [ids.hotNoTime]);
      expect(handled.handled_at).not.toBeNull();
      expect((await post(ids.hotNoTime, { action: "reopen" })).status).toBe(200);
      expect((await allPages("open", new Date())).some((i) => i.id === ids.hotNoTime)).toBe(true);
      expect(await countDueFollowUps()).toBe(before);
    });
  });
});
