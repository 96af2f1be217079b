import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countInWindow, viewFilters } from "@/lib/views/filters";
import { TEST_ADMIN, TEST_API_KEY } from "../support/credentials";
import { api, baseUrl, jsonOf, problemDetail, sql, uniq } from "../support/http";
import { ownCalls, type OwnCalls } from "../support/own-calls";
import { newPerson, type Person } from "../support/people";
import { asUser } from "../support/session";

// Saved views through the API: each person's own and the team's shared ones,
// changed only by their owner or an admin, checked against the page's filters,
// kept while an alert rule watches them, taken out of digests when deleted.

interface View {
  id: string;
  name: string;
  page: string;
  query: string;
  url: string;
  shared: boolean;
  mine: boolean;
  owner: { id: string; name: string | null; email: string };
  createdAt: string;
  updatedAt: string;
}

const json = (method: string, body?: unknown): RequestInit => ({ method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const list = async (who: Person | typeof TEST_ADMIN) => (await jsonOf<{ views: View[] }>(asUser(who, "/api/views"))).views;
async function save(who: Person | typeof TEST_ADMIN, body: Record<string, unknown>): Promise<View> {
  const res = await asUser(who, "/api/views", json("POST", body));
  expect(res.status, await res.clone().text()).toBe(201);
  return (await jsonOf<{ view: View }>(res)).view;
}

let ann: Person;
let bob: Person;
let admin: Person;
beforeAll(async () => {
  [ann, bob, admin] = await Promise.all([newPerson("manager", "views-ann"), newPerson("manager", "views-bob"), newPerson("admin", "views-admin")]);
});
// Other files' menus start empty again (their shared views list everyone's).
afterAll(() => sql("DELETE FROM saved_views WHERE owner_id = ANY($1::uuid[])", [[ann.id, bob.id, admin.id]]));

describe("saved views API", () => {
  it("saves a view with its URL, lists it, renames it, and deletes it", async () => {
    const name = uniq("Hot solar");
    const view = await save(ann, { name: `  ${name} `, page: "calls", query: "?status=completed&cursor=abc&limit=20&sort=score&hot=true" });
    // Trimmed; paging dropped, the order kept, parameters in a stable order.
    expect(view).toMatchObject({ name, page: "calls", query: "hot=true&sort=score&status=completed", shared: false, mine: true });
    expect(view.url).toBe("/calls?hot=true&sort=score&status=completed");
    expect(view.owner).toMatchObject({ id: ann.id, email: ann.email, name: "Test Person" });
    expect((await list(ann)).map((v) => v.id)).toContain(view.id);

    const renamed = await asUser(ann, `/api/views/${view.id}`, json("PATCH", { name: `${name} 2`, query: "outcome=meeting_scheduled" }));
    expect(renamed.status).toBe(200);
    expect((await jsonOf<{ view: View }>(renamed)).view).toMatchObject({
      name: `${name} 2`,
      query: "outcome=meeting_scheduled",
      url: "/calls?outcome=meeting_scheduled",
    });

    expect((await asUser(ann, `/api/views/${view.id}`, json("DELETE"))).status).toBe(200);
    expect((await list(ann)).map((v) => v.id)).not.toContain(view.id);
    expect((await asUser(ann, `/api/views/${view.id}`, json("DELETE"))).status).toBe(404);
  });

  it("shows each manager their own views and the shared ones, mine first, then by name; an admin sees all", async () => {
    const tag = uniq("vis");
    const annPersonal = await save(ann, { name: `b ${tag} personal`, page: "calls", query: "status=failed" });
    const annShared = await save(ann, { name: `a ${tag} shared`, page: "hot-leads", query: "minScore=80", shared: true });
    const bobOwn = await save(bob, { name: `z ${tag} bob`, page: "calls" });

    const seenByBob = (await list(bob)).filter((v) => v.name.includes(tag));
    expect(seenByBob.map((v) => v.id)).toEqual([bobOwn.id, annShared.id]);
    expect(seenByBob[1]).toMatchObject({ mine: false, shared: true, url: "/hot-leads?minScore=80", owner: { id: ann.id, email: ann.email } });

    const seenByAnn = (await list(ann)).filter((v) => v.name.includes(tag));
    expect(seenByAnn.map((v) => v.id)).toEqual([annShared.id, annPersonal.id]);

    // An admin sees every view: others' personal ones are neither mine nor shared.
    const seenByAdmin = (await list(admin)).filter((v) => v.name.includes(tag));
    expect(seenByAdmin.map((v) => v.id)).toEqual([annShared.id, annPersonal.id, bobOwn.id]);
    expect(seenByAdmin.find((v) => v.id === annPersonal.id)).toMatchObject({ mine: false, shared: false });
  });

  it("lets only the owner or an admin change or delete a view", async () => {
    const shared = await save(ann, { name: uniq("Team view"), page: "calls", query: "provider=autocalls", shared: true });
    const personal = await save(ann, { name: uniq("Own view"), page: "calls" });

    const refused = await asUser(bob, `/api/views/${shared.id}`, json("PATCH", { name: "Taken over" }));
    expect(refused.status).toBe(403);
    expect(await problemDetail(refused)).toContain("only they or an admin can change it");
    expect((await asUser(bob, `/api/views/${shared.id}`, json("DELETE"))).status).toBe(403);
    // Someone else's personal view is not there at all for another manager.
    expect((await asUser(bob, `/api/views/${personal.id}`, json("PATCH", { shared: true }))).status).toBe(404);
    expect((await asUser(bob, `/api/views/${personal.id}`, json("DELETE"))).status).toBe(404);

    const byAdmin = await asUser(admin, `/api/views/${shared.id}`, json("PATCH", { shared: false }));
    expect(byAdmin.status).toBe(200);
    expect((await jsonOf<{ view: View }>(byAdmin)).view).toMatchObject({ shared: false, mine: false, owner: { id: ann.id } });
    expect((await list(bob)).map((v) => v.id)).not.toContain(shared.id);
    const audit = await sql<{ action: string; actor_id: string }>("SELECT action, actor_id FROM audit_log WHERE target_id = $1", [shared.id]);
    expect(audit).toEqual([{ action: "view.update", actor_id: admin.id }]);
    expect((await asUser(admin, `/api/views/${personal.id}`, json("DELETE"))).status).toBe(200);
    // The owner's own changes are not audited (they are nobody else's business).
    expect((await asUser(ann, `/api/views/${shared.id}`, json("PATCH", { shared: true }))).status).toBe(200);
    expect(await sql("SELECT 1 FROM audit_log WHERE target_id = $1", [shared.id])).toHaveLength(1);
  });

  it("refuses filters the page cannot show, and bad names, with a 400 that says why", async () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ name: "x", page: "calls", query: "status=bogus" }, "Status must be one of"],
      [{ name: "x", page: "calls", query: "tracker=not-a-tracker" }, "Tracker is not a valid ID"],
      [{ name: "x", page: "hot-leads", query: `tracker=${randomUUID()}` }, "No tracker has the id"],
      [{ name: "x", page: "calls", query: "minScore=101" }, "Minimum score must be 100 or less"],
      [{ name: "x", page: "calls", query: "from=yesterday" }, "From is not valid"],
      [{ name: "x", page: "calls", query: `campaign=${"x".repeat(2001)}` }, "at most 2000 characters"],
      [{ name: "   ", page: "calls" }, "A view needs a name."],
      [{ name: "x".repeat(81), page: "calls" }, "at most 80 characters"],
      [{ name: "x", page: "overview" }, "Page must be one of: calls, hot-leads"],
      [{ name: "x", page: "calls", owner: bob.id }, "is not a field"],
    ];
    for (const [body, message] of bad) {
      const res = await asUser(ann, "/api/views", json("POST", body));
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(await problemDetail(res), JSON.stringify(body).slice(0, 80)).toContain(message);
    }
    const view = await save(ann, { name: uniq("Valid"), page: "calls", query: "status=completed" });
    const res = await asUser(ann, `/api/views/${view.id}`, json("PATCH", { query: "sentiment=grumpy" }));
    expect(res.status).toBe(400);
    expect(await problemDetail(res)).toContain("Sentiment must be one of");
  });

  it("answers 409 for a name its owner already uses, and lets another person use it", async () => {
    const name = uniq("Callbacks");
    const first = await save(ann, { name, page: "calls" });
    const again = await asUser(ann, "/api/views", json("POST", { name: ` ${name} `, page: "hot-leads" }));
    expect(again.status).toBe(409);
    expect(await problemDetail(again)).toBe(`You already have a view named "${name}": choose another name.`);
    await save(bob, { name, page: "calls", shared: true });
    const other = await save(ann, { name: `${name} 2`, page: "calls" });
    const rename = await asUser(ann, `/api/views/${other.id}`, json("PATCH", { name }));
    expect(rename.status).toBe(409);
    expect(first.id).not.toBe(other.id);
  });

  it("keeps a view an alert rule watches (409 naming the rule) and takes a deleted view out of digests", async () => {
    const watched = await save(ann, { name: uniq("Watched"), page: "calls", query: "outcome=meeting_scheduled" });
    const kept = await save(ann, { name: uniq("Kept"), page: "calls" });
    const rule = uniq("Meetings dropped");
    const [{ id: ruleId }] = await sql<{ id: string }>(
      `INSERT INTO alert_rules (id, owner_id, name, view_id, metric, window_minutes, comparison, threshold, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, 'calls', 60, 'below', 1, now()) RETURNING id`,
      [ann.id, rule, watched.id],
    );
    const blocked = await asUser(ann, `/api/views/${watched.id}`, json("DELETE"));
    expect(blocked.status).toBe(409);
    expect(await problemDetail(blocked)).toContain(`The alert rule "${rule}" watches "${watched.name}"`);
    expect((await list(ann)).map((v) => v.id)).toContain(watched.id);
    await sql("DELETE FROM alert_rules WHERE id = $1", [ruleId]);

    await sql(
      `INSERT INTO digest_subscriptions (id, user_id, view_ids, unsubscribe_token, updated_at)
       VALUES (gen_random_uuid(), $1, $2::uuid[], $3, now())`,
      [ann.id, [watched.id, kept.id], randomUUID()],
    );
    expect((await asUser(ann, `/api/views/${watched.id}`, json("DELETE"))).status).toBe(200);
    const [digest] = await sql<{ view_ids: string[] }>("SELECT view_ids FROM digest_subscriptions WHERE user_id = $1", [ann.id]);
    expect(digest.view_ids).toEqual([kept.id]);
  });

  it("answers 401 without credentials and 404 for an id that is not one", async () => {
    expect((await fetch(`${baseUrl()}/api/views`)).status).toBe(401);
    const post = await fetch(`${baseUrl()}/api/views`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(post.status).toBe(401);
    for (const method of ["PATCH", "DELETE"]) {
      const res = await asUser(ann, "/api/views/not-a-uuid", json(method, method === "PATCH" ? { name: "x" } : undefined));
      expect(res.status).toBe(404);
      expect(await problemDetail(res)).toBe('No view has the id "not-a-uuid".');
    }
  });

  it("refuses a change made with a session from another site", async () => {
    const view = await save(ann, { name: uniq("Csrf"), page: "calls" });
    const res = await asUser(ann, `/api/views/${view.id}`, { method: "DELETE", headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(403);
    expect((await list(ann)).map((v) => v.id)).toContain(view.id);
  });

  it("lets an API key read its creator's views (a key nobody created reads the shared ones), and change none", async () => {
    const created = await asUser(admin, "/api/api-keys", json("POST", { name: uniq("views script") }));
    expect(created.status).toBe(201);
    const { id: keyId, key } = await jsonOf<{ id: string; key: string }>(created);
    const asKey = (path: string, init: RequestInit = {}) =>
      fetch(`${baseUrl()}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" } });

    const personal = await save(admin, { name: uniq("Admin's own"), page: "hot-leads", query: "campaign=Solar" });
    const fromKey = (await jsonOf<{ views: View[] }>(asKey("/api/views"))).views;
    expect(fromKey.find((v) => v.id === personal.id)).toMatchObject({ mine: true, owner: { id: admin.id } });
    const refusedSave = await asKey("/api/views", json("POST", { name: uniq("From a script"), page: "calls" }));
    expect(refusedSave.status).toBe(403);
    expect(await problemDetail(refusedSave)).toContain("API keys can only read");
    expect((await asKey(`/api/views/${personal.id}`, json("DELETE"))).status).toBe(403);
    expect((await list(admin)).map((v) => v.id)).toContain(personal.id);

    const bobShared = await save(bob, { name: uniq("Shared for scripts"), page: "calls", shared: true });
    const bobPersonal = await save(bob, { name: uniq("Personal, not for scripts"), page: "calls" });
    const seen = (await jsonOf<{ views: View[] }>(api("/api/views"))).views;
    expect(seen.map((v) => v.id)).toContain(bobShared.id);
    expect(seen.map((v) => v.id)).not.toContain(bobPersonal.id);
    expect(seen.every((v) => v.shared && !v.mine)).toBe(true);
    expect(TEST_API_KEY).toBeTruthy();
    await asUser(TEST_ADMIN, `/api/api-keys/${keyId}`, json("DELETE"));
  });
});

describe("a view's count over a window", () => {
  let calls: OwnCalls;
  afterAll(async () => calls?.remove());

  it("agrees with the call list's total for the same filters", async () => {
    calls = await ownCalls();
    const campaign = uniq("Window");
    await calls.send(campaign, { minutesAgo: 10 });
    await calls.send(campaign, { minutesAgo: 50 });
    await calls.send(campaign, { minutesAgo: 3 * 24 * 60 }); // before the window
    await calls.send(uniq("Other"), { minutesAgo: 20 }); // another campaign
    const view = await save(ann, { name: uniq("Window view"), page: "calls", query: `campaign=${campaign}&provider=autocalls&period=30d&sort=score` });
    const filters = viewFilters(view);
    if (!filters.ok) throw new Error(filters.error);

    const window = { from: new Date(Date.now() - 24 * 3600_000), to: new Date(Date.now() + 60_000) };
    const counted = await countInWindow(filters.filters, window);
    const listed = await jsonOf<{ total: { count: number; exact: boolean } }>(
      api(`/api/calls?${new URLSearchParams({ campaign, provider: "autocalls", from: window.from.toISOString(), to: window.to.toISOString() })}`),
    );
    expect(counted).toEqual({ count: 2, exact: true });
    expect(listed.total).toEqual(counted);
    // Hot leads views count hot calls only: the fixture's calls are hot, so the same.
    expect(await countInWindow({ ...filters.filters, hot: true }, window)).toEqual(counted);
  });
});
