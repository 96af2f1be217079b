import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countDueFollowUps } from "@/lib/follow-ups/count";
import { listFollowUps, type FollowUp } from "@/lib/follow-ups/query";
import { TEST_MANAGER } from "../support/credentials";
import { allPages, createFollowUpSource, deleteFollowUpSource, HOUR, seedCall } from "../support/follow-ups";
import { api, baseUrl, jsonOf, problemDetail, sql } from "../support/http";
import { asUser } from "../support/session";

// The follow-up queue over HTTP, as people and keys: reading it, and a
// manager's done, reopen, snooze, assign and note on calls written straight
// into the table (follow-ups-queue.test.ts covers the queue's order and paging).

const post = (id: string, body: unknown) => asUser(TEST_MANAGER, `/api/follow-ups/${id}`, { method: "POST", body: JSON.stringify(body) });

describe("follow-up queue over HTTP", () => {
  const now = new Date();
  const ids: Record<string, string> = {};
  let sourceId: string;

  beforeAll(async () => {
    sourceId = await createFollowUpSource();
    ids.overdue = await seedCall(sourceId, { startedAt: new Date(now.getTime() - 26 * HOUR), callbackAt: new Date(now.getTime() - 2 * HOUR) });
    ids.hotNoTime = await seedCall(sourceId, { startedAt: new Date(now.getTime() - HOUR), isHot: true });
    ids.soon = await seedCall(sourceId, { startedAt: new Date(now.getTime() - 4 * HOUR), callbackAt: new Date(now.getTime() + 3 * HOUR) });
  });

  // The calls were written around the pipeline (no rollups): they go with their source, so other files' totals hold.
  afterAll(async () => {
    await deleteFollowUpSource(sourceId);
  });

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
