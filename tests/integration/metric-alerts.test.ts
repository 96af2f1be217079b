import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { evaluateRules } from "@/lib/alerts/evaluate";
import { measure, windowCountsSql } from "@/lib/alerts/metrics";
import { resolveScope } from "@/lib/alerts/scope";
import { db, Prisma } from "@/lib/db/client";
import { TEST_ADMIN, TEST_MANAGER } from "../support/credentials";
import { createDestination, deleteDestination } from "../support/destinations";
import { api, baseUrl, jsonOf, sql, uniq } from "../support/http";
import {
  alertsOf,
  at,
  createAlertSource,
  deleteAlertSource,
  deleteRules,
  future,
  insertRule,
  insertView,
  many,
  ruleState,
  seedCalls,
  userId,
} from "../support/metric-alerts";
import { newPerson, type Person } from "../support/people";
import { startReceiver, type Receiver } from "../support/receiver";
import { asUser } from "../support/session";
import { startMailServer, type MailServer } from "../support/smtp-server";

// Metric alert rules: evaluated at explicit moments over calls written into
// the window, they open an alert once when the condition starts, clear it
// when it stops, wait out the cool-down, and tell the owner by email and the
// chosen Slack and webhook destinations, once each.

const PRICING = "0197a000-0000-7000-8000-000000000001";
let source: { id: string; name: string };
let managerId: string;
const rules: string[] = [];
const views: string[] = [];
const destinations: string[] = [];

beforeAll(async () => {
  source = await createAlertSource();
  managerId = await userId(TEST_MANAGER.email);
});

afterAll(async () => {
  await deleteRules(rules);
  await sql(`DELETE FROM alert_rules WHERE view_id = ANY($1::uuid[])`, [views]);
  await sql(`DELETE FROM saved_views WHERE id = ANY($1::uuid[])`, [views]);
  await deleteAlertSource(source.id);
  for (const id of destinations) await deleteDestination(id);
});

/** A view of one campaign of the manager's, and its name. */
async function campaignView(ownerId = managerId, opts: { shared?: boolean } = {}) {
  const campaign = uniq("camp");
  const view = await insertView(ownerId, `campaign=${campaign}`, opts);
  views.push(view.id);
  return { campaign, ...view };
}

async function rule(r: Omit<Parameters<typeof insertRule>[0], "ownerId"> & { ownerId?: string }) {
  const id = await insertRule({ ownerId: managerId, ...r });
  rules.push(id);
  return id;
}

describe("evaluating a rule", () => {
  it("fires when the metric crosses, not again while it holds, clears with the value, and waits out the cool-down", async () => {
    const t = future(1);
    const { id: viewId, campaign } = await campaignView();
    const id = await rule({ viewId, metric: "calls", comparison: "above", threshold: 3, cooldownMinutes: 30, from: t });
    await seedCalls(source.id, many(2, { at: at(t, -10), campaign }));
    await evaluateRules(t);
    expect(await alertsOf(id)).toEqual([]);
    expect(await ruleState(id)).toMatchObject({ last_value: 2, last_error: null });

    await seedCalls(source.id, many(2, { at: at(t, -5), campaign }));
    await evaluateRules(at(t, 1));
    let alerts = await alertsOf(id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ value: 4, resolved_at: null, opened_at: at(t, 1) });

    await evaluateRules(at(t, 2));
    expect(await alertsOf(id)).toHaveLength(1);

    // An hour on, the window holds none of them.
    await evaluateRules(at(t, 75));
    alerts = await alertsOf(id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ resolved_at: at(t, 75), cleared_value: 0 });

    // Busy again within 30 minutes of the clearing: nothing; after them: a new alert.
    await seedCalls(source.id, many(5, { at: at(t, 78), campaign }));
    await evaluateRules(at(t, 85));
    expect(await alertsOf(id)).toHaveLength(1);
    await evaluateRules(at(t, 106));
    alerts = await alertsOf(id);
    expect(alerts).toHaveLength(2);
    expect(alerts[1]).toMatchObject({ value: 5, resolved_at: null, opened_at: at(t, 106) });
  });

  it("does not fire a change rule on a quiet night's tiny numbers (minimum count), and fires on a busy one", async () => {
    const t = future(3);
    const quiet = await campaignView();
    const busy = await campaignView();
    const rule1 = await rule({ viewId: quiet.id, metric: "calls", comparison: "change_up", threshold: 50, minCount: 10, from: t });
    const rule2 = await rule({ viewId: busy.id, metric: "calls", comparison: "change_up", threshold: 50, minCount: 10, from: t });
    // 1 call the hour before, 3 this hour: +200%, on nothing.
    await seedCalls(source.id, [{ at: at(t, -90), campaign: quiet.campaign }, ...many(3, { at: at(t, -20), campaign: quiet.campaign })]);
    await seedCalls(source.id, [...many(10, { at: at(t, -90), campaign: busy.campaign }), ...many(20, { at: at(t, -20), campaign: busy.campaign })]);
    // A drop from 12 calls to 2: the rule is there for this one, however few are left.
    const dropped = await campaignView();
    const rule3 = await rule({ viewId: dropped.id, metric: "calls", comparison: "change_down", threshold: 50, minCount: 10, from: t });
    await seedCalls(source.id, [...many(12, { at: at(t, -90), campaign: dropped.campaign }), ...many(2, { at: at(t, -20), campaign: dropped.campaign })]);
    await evaluateRules(t);
    expect(await alertsOf(rule1)).toEqual([]);
    expect((await ruleState(rule1)).last_detail).toContain("too few to compare: 3 of 10");
    const [fired] = await alertsOf(rule2);
    expect(fired).toMatchObject({ value: 20, previous: 10 });
    const [drop] = await alertsOf(rule3);
    expect(drop).toMatchObject({ value: 2, previous: 12 });
  });

  it("opens one alert when two workers evaluate at once", async () => {
    const t = future(5);
    const { id: viewId, campaign } = await campaignView();
    const id = await rule({ viewId, metric: "calls", comparison: "above", threshold: 1, from: t });
    await seedCalls(source.id, many(3, { at: at(t, -6), campaign }));
    await Promise.all([evaluateRules(t), evaluateRules(t), evaluateRules(t)]);
    expect(await alertsOf(id)).toHaveLength(1);
  });

  it("skips a rule whose view is no longer shared or whose tracker is gone, saying why, and evaluates the others", async () => {
    const t = future(7);
    const someone = await newPerson("manager", "alerts-other");
    const theirs = await insertView(someone.id, "status=completed", { shared: true });
    views.push(theirs.id);
    const unshared = await rule({ viewId: theirs.id, metric: "calls", comparison: "above", threshold: 1, from: t });
    const noTracker = await rule({ metric: "tracker_mentions", trackerId: randomUUID(), comparison: "above", threshold: 1, from: t });
    await sql(`UPDATE saved_views SET shared = false WHERE id = $1`, [theirs.id]);
    const counts = await evaluateRules(t);
    expect(counts.failed ?? 0).toBe(0);
    expect((await ruleState(unshared)).last_error).toBe(`The view '${theirs.name}' is no longer shared with its owner.`);
    expect((await ruleState(noTracker)).last_error).toBe("Its tracker was deleted.");
    // Its owner can still turn it off (what it names is checked when a change touches it, not for this).
    const off = await asUser(TEST_MANAGER, `/api/alerts/rules/${unshared}`, { method: "PATCH", body: JSON.stringify({ enabled: false }) });
    expect(off.status).toBe(200);
    const refused = await asUser(TEST_MANAGER, `/api/alerts/rules/${unshared}`, { method: "PATCH", body: JSON.stringify({ threshold: 2 }) });
    expect(refused.status).toBe(400);
  });
});

describe("metrics", () => {
  it("counts each metric over the window's calls, only the view's for a view, never test calls, from the window only", async () => {
    const t = future(9);
    const view = await campaignView();
    const window = { from: at(t, -60), to: t };
    const c = view.campaign;
    await seedCalls(source.id, [
      ...many(2, { at: at(t, -30), campaign: c, sentiment: "negative", outcome: "meeting_scheduled", hot: true, trackerId: PRICING }),
      { at: at(t, -30), campaign: c, sentiment: "positive", outcome: "meeting_scheduled", hot: true },
      ...many(3, { at: at(t, -30), campaign: c, sentiment: "neutral", outcome: "interested" }),
      ...many(4, { at: at(t, -30), campaign: c, status: "no_answer", sentiment: "negative", outcome: "no_answer" }),
      // A test call, and calls before the window: never counted.
      { at: at(t, -30), campaign: c, isTest: true, hot: true, trackerId: PRICING },
      ...many(3, { at: at(t, -61), campaign: c, hot: true }),
      // Calls outside the view.
      ...many(5, { at: at(t, -10), campaign: uniq("other"), sentiment: "negative", trackerId: PRICING }),
    ]);
    await sql(
      `INSERT INTO raw_events (id, source_id, received_at, method, headers, query, body, status) VALUES ($1, $2, $3, 'POST', '{}', '{}', '', 'stored')`,
      [randomUUID(), source.id, at(t, -42)],
    );
    const value = async (metric: string, viewId: string | null, extra: { trackerId?: string; sourceId?: string } = {}) => {
      const resolved = await resolveScope({ ownerId: managerId, metric, viewId, trackerId: extra.trackerId ?? null, sourceId: extra.sourceId ?? null });
      if (!resolved.ok) throw new Error(resolved.error);
      return measure(resolved.scope, window);
    };
    // 10 calls in the view: 6 connected, 2 of them negative, 3 meetings; 3 hot; 2 with the tracker.
    expect(await value("calls", view.id)).toEqual({ value: 10, base: 10 });
    expect(await value("connect_rate", view.id)).toEqual({ value: 60, base: 10 });
    expect(await value("hot_leads", view.id)).toEqual({ value: 3, base: 10 });
    expect(await value("negative_share", view.id)).toEqual({ value: (2 / 6) * 100, base: 6 });
    expect(await value("meeting_rate", view.id)).toEqual({ value: 50, base: 6 });
    expect(await value("tracker_mentions", view.id, { trackerId: PRICING })).toEqual({ value: 2, base: 10 });
    // The whole account: these 15 calls (no other calls live this far ahead).
    expect(await value("calls", null)).toEqual({ value: 15, base: 15 });
    expect(await value("negative_share", null)).toEqual({ value: (7 / 11) * 100, base: 11 });
    expect(await value("tracker_mentions", null, { trackerId: PRICING })).toMatchObject({ value: 7 });
    expect(await value("source_silence", null, { sourceId: source.id })).toEqual({ value: 42, base: 0 });
  });

  it("reads a 7-day window of the whole account through the started_at index, not a scan of every call", async () => {
    const t = future(11);
    const resolved = await resolveScope({ ownerId: managerId, metric: "calls", viewId: null, trackerId: null, sourceId: null });
    if (!resolved.ok) throw new Error(resolved.error);
    const query = await windowCountsSql(resolved.scope.filters, { from: at(t, -7 * 24 * 60), to: t });
    // Scans made dear: on a table of a few rows (the tests' database early in a run) a scan is the cheaper plan,
    // and the planner rightly takes it. What must hold is that the window can be read from the index at all: a
    // condition the index cannot serve would still be a (disabled) Seq Scan here.
    const [row] = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": unknown }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${query}`);
    });
    const plan = JSON.stringify(row["QUERY PLAN"]);
    expect(plan).toMatch(/"Index Name":"calls_[a-z_]*started_at[a-z_]*"/);
    // The window bounds the index read (not a whole-index walk with a filter).
    expect(plan).toMatch(/"Index Cond":"[^"]*started_at >= /);
    expect(plan).not.toContain('"Node Type":"Seq Scan"');
  });
});

describe("notifications", () => {
  let mail: MailServer;
  let slack: Receiver;
  let hook: Receiver;
  beforeAll(async () => {
    mail = await startMailServer(inject("smtpPort"));
    slack = await startReceiver();
    hook = await startReceiver();
  });
  afterAll(async () => {
    await mail.close();
    await slack.close();
    await hook.close();
  });

  it("emails the owner on opening and on clearing (escaped HTML, text, links), posts to Slack and the webhook, each once", async () => {
    const owner: Person = await newPerson("manager", "alerts-mail");
    const t = future(13);
    const campaign = uniq("camp");
    const view = await insertView(owner.id, `campaign=${campaign}`, { name: `Inbound <b>&</b> ${uniq("v")}` });
    views.push(view.id);
    const slackId = (
      await createDestination({ kind: "slack", name: uniq("#alerts"), config: { webhookUrl: `${slack.url}/services/alerts` }, rules: { calls: "none" } })
    ).id;
    const hookId = (await createDestination({ kind: "webhook", name: uniq("alerts hook"), config: { url: `${hook.url}/alerts` }, rules: { calls: "none" } }))
      .id;
    destinations.push(slackId, hookId);
    const name = `Connect rate <script>x</script> ${uniq("r")}`;
    const id = await rule({
      ownerId: owner.id,
      name,
      viewId: view.id,
      metric: "connect_rate",
      comparison: "below",
      threshold: 40,
      minCount: 5,
      email: true,
      destinationIds: [slackId, hookId],
      from: t,
    });
    await seedCalls(source.id, [...many(2, { at: at(t, -20), campaign }), ...many(4, { at: at(t, -20), campaign, status: "no_answer" })]);
    await evaluateRules(t);
    const [alert] = await alertsOf(id);
    expect(alert).toMatchObject({ value: (2 / 6) * 100, resolved_at: null });

    const [opened] = await mail.waitFor(1);
    expect(opened.to).toMatchObject({ text: owner.email });
    expect(opened.subject).toBe("Alert: Connect rate below 40% (33% in the last hour)");
    expect(opened.text).toContain(`Rule: ${name}`);
    expect(opened.text).toContain(`${baseUrl()}/alerts`);
    // The window read: it ends a few minutes back, where the calls have all arrived.
    const callsLink = `${baseUrl()}/calls?campaign=${campaign}&from=${encodeURIComponent(at(t, -65).toISOString())}&to=${encodeURIComponent(at(t, -5).toISOString())}`;
    expect(opened.text).toContain(callsLink);
    const html = String(opened.html);
    expect(html).toContain("Connect rate &lt;script&gt;x&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toContain("Inbound &lt;b&gt;&amp;&lt;/b&gt;");
    expect(html).toContain(`href="${callsLink.replaceAll("&", "&amp;")}"`);

    await expect.poll(() => slack.requests.length, { timeout: 20_000 }).toBe(1);
    await expect.poll(() => hook.requests.length, { timeout: 20_000 }).toBe(1);
    const slackBody = JSON.parse(slack.requests[0].body) as { text: string; blocks: unknown[] };
    expect(slackBody.text).toBe("Alert: Connect rate below 40% (33% in the last hour)");
    expect(JSON.stringify(slackBody.blocks)).toContain("Connect rate &lt;script&gt;x&lt;/script&gt;");
    const hookBody = JSON.parse(hook.requests[0].body) as { type: string; data: { alert: Record<string, unknown>; urls: { alerts: string; calls: string } } };
    expect(hookBody.type).toBe("metric.alert");
    expect(hookBody.data.alert).toMatchObject({ ruleName: name, metric: "connect_rate", state: "opened", threshold: 40, windowMinutes: 60, valueText: "33%" });
    expect(hookBody.data.urls).toEqual({ alerts: `${baseUrl()}/alerts`, calls: callsLink });

    // Still below: nothing more. Then enough connected calls: it clears, once everywhere.
    await evaluateRules(at(t, 1));
    await seedCalls(source.id, many(10, { at: at(t, -10), campaign }));
    await evaluateRules(at(t, 2));
    const [cleared] = (await mail.waitFor(2)).slice(1);
    expect(cleared.subject).toBe("Cleared: Connect rate below 40% (75% in the last hour)");
    await expect.poll(() => hook.requests.length, { timeout: 20_000 }).toBe(2);
    await expect.poll(() => slack.requests.length, { timeout: 20_000 }).toBe(2);
    expect((JSON.parse(hook.requests[1].body) as { data: { alert: { state: string; value: number } } }).data.alert).toMatchObject({
      state: "cleared",
      value: 75,
    });
    await expect.poll(async () => (await alertsOf(id))[0].cleared_mail_at, { timeout: 10_000 }).not.toBeNull();

    // A second job for the same email (a retry) sends nothing.
    const { queueAlertMail } = await import("@/lib/alerts/mail-queue");
    await queueAlertMail(alert.id, "opened");
    await new Promise((r) => setTimeout(r, 3000));
    expect(mail.received).toHaveLength(2);
    expect(slack.requests).toHaveLength(2);

    // An alert whose email job was never queued (the process stopped after the commit): the every-minute sweep queues it, once.
    const stranded = await rule({ ownerId: owner.id, metric: "calls", comparison: "above", threshold: 1_000_000, email: true, from: future(14) });
    const [lost] = await sql<{ id: string }>(
      `INSERT INTO metric_alerts (id, rule_id, opened_at, value, detail, email) VALUES (gen_random_uuid(), $1, now() - interval '5 minutes', 7, '7', true) RETURNING id`,
      [stranded],
    );
    const { sweepAlertMail } = await import("@/lib/alerts/mail-queue");
    await sweepAlertMail();
    const third = (await mail.waitFor(3))[2];
    expect(third.subject).toBe("Alert: Calls above 1,000,000 (7 in the last hour)");
    await expect.poll(async () => (await sql(`SELECT 1 FROM metric_alerts WHERE id = $1 AND opened_mail_at IS NOT NULL`, [lost.id])).length).toBe(1);
    expect(await sweepAlertMail()).toBe(0);
    await new Promise((r) => setTimeout(r, 2000));
    expect(mail.received).toHaveLength(3);

    // The history says where it went.
    type History = { items: { id: string; sentTo: { destination: string; status: string }[]; email: { openedSentAt: string | null } }[] };
    const history = () => jsonOf<History>(asUser(owner, `/api/alerts?ruleId=${id}`));
    expect((await history()).items[0].email.openedSentAt).not.toBeNull();
    await expect
      .poll(async () => (await history()).items[0].sentTo.map((s) => s.status), { timeout: 10_000 })
      .toEqual(["delivered", "delivered", "delivered", "delivered"]);
  });
});

describe("alert rules API", () => {
  const valid = { name: "Connect rate dips", metric: "connect_rate", comparison: "below", threshold: 40, windowMinutes: 60 };
  const post = (who: { email: string; password: string }, body: unknown) => asUser(who, "/api/alerts/rules", { method: "POST", body: JSON.stringify(body) });

  it("lets managers keep their own rules, admins see everyone's with the owner, and nobody else", async () => {
    expect((await fetch(`${baseUrl()}/api/alerts/rules`)).status).toBe(401);
    expect((await fetch(`${baseUrl()}/api/alerts`)).status).toBe(401);
    expect((await api("/api/alerts/rules")).status).toBe(403);

    const res = await post(TEST_MANAGER, valid);
    expect(res.status).toBe(201);
    const { rule } = await jsonOf<{ rule: { id: string; description: string; minCount: number; cooldownMinutes: number; email: boolean } }>(res);
    rules.push(rule.id);
    expect(rule).toMatchObject({ minCount: 10, cooldownMinutes: 60, email: true });
    expect(rule.description).toBe("Alert me when connect rate in the last hour of all calls falls below 40%, needing at least 10 calls");

    const other = await newPerson("manager", "alerts-api");
    const theirs = await jsonOf<{ rules: { id: string }[] }>(asUser(other, "/api/alerts/rules"));
    expect(theirs.rules.map((r) => r.id)).not.toContain(rule.id);
    expect((await asUser(other, `/api/alerts/rules/${rule.id}`, { method: "PATCH", body: JSON.stringify({ threshold: 1 }) })).status).toBe(404);
    expect((await asUser(other, `/api/alerts/rules/${rule.id}`, { method: "DELETE" })).status).toBe(404);

    const all = await jsonOf<{ rules: { id: string; owner: { email: string } }[] }>(asUser(TEST_ADMIN, "/api/alerts/rules"));
    expect(all.rules.find((r) => r.id === rule.id)?.owner.email).toBe(TEST_MANAGER.email);
    const changed = await asUser(TEST_ADMIN, `/api/alerts/rules/${rule.id}`, { method: "PATCH", body: JSON.stringify({ threshold: 35, enabled: false }) });
    expect(changed.status).toBe(200);
    expect(await jsonOf(changed)).toMatchObject({ rule: { threshold: 35, enabled: false } });
    const audit = await sql<{ action: string }>(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY at`, [rule.id]);
    expect(audit.map((a) => a.action)).toEqual(["alert_rule.create", "alert_rule.update"]);

    expect((await asUser(TEST_MANAGER, `/api/alerts/rules/${rule.id}`, { method: "DELETE" })).status).toBe(200);
    expect((await asUser(TEST_MANAGER, `/api/alerts/rules/${rule.id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("answers 400 with a clear message for a rule that cannot work", async () => {
    const hubspot = await createDestination({ kind: "hubspot", name: uniq("crm"), config: { accessToken: "pat-na1-test" }, rules: { calls: "none" } });
    destinations.push(hubspot.id);
    const someone = await newPerson("manager", "alerts-views");
    const privateView = await insertView(someone.id, "status=completed");
    views.push(privateView.id);
    const cases: [unknown, string][] = [
      [{ ...valid, metric: "tracker_mentions", comparison: "above" }, "Choose the tracker whose mentions to count."],
      [{ ...valid, metric: "source_silence", comparison: "above" }, "Choose the source to watch."],
      [{ ...valid, threshold: 140 }, "A share is between 0 and 100%."],
      [{ ...valid, comparison: "change_down", threshold: 0 }, "A change needs a percentage above 0."],
      [{ ...valid, windowMinutes: 10 }, "Window minutes"],
      [{ ...valid, destinationIds: [hubspot.id] }, "cannot take alerts"],
      [{ ...valid, viewId: privateView.id }, "No saved view of yours or shared with the team has that id."],
      [{ ...valid, metric: "tracker_mentions", comparison: "above", trackerId: randomUUID() }, "No tracker has that id."],
      [{ ...valid, name: "" }, "Name"],
      [{ ...valid, extra: 1 }, "extra"],
    ];
    for (const [body, message] of cases) {
      const res = await post(TEST_MANAGER, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await jsonOf<{ detail: string }>(res)).detail).toContain(message);
    }
    // A team's channel is the admins' to send rules to: a manager's alerts come by email.
    const channel = await createDestination({
      kind: "slack",
      name: uniq("#team"),
      config: { webhookUrl: "http://127.0.0.1:9/services/team" },
      rules: { calls: "none" },
    });
    destinations.push(channel.id);
    const refused = await post(TEST_MANAGER, { ...valid, destinationIds: [channel.id] });
    expect(refused.status).toBe(400);
    expect((await jsonOf<{ detail: string }>(refused)).detail).toContain("for admins to set up");
    const allowed = await post(TEST_ADMIN, { ...valid, destinationIds: [channel.id] });
    expect(allowed.status).toBe(201);
    rules.push((await jsonOf<{ rule: { id: string } }>(allowed)).rule.id);
  });

  it("lists alerts newest first, the open ones with ?open=true, paged by cursor", async () => {
    const t = future(15);
    const { id: viewId, campaign } = await campaignView();
    const id = await rule({ viewId, metric: "calls", comparison: "above", threshold: 0, cooldownMinutes: 0, from: t });
    // Three alerts: two cleared, the last open.
    for (const minute of [0, 100, 200]) {
      await seedCalls(source.id, [{ at: at(t, minute - 6), campaign }]);
      await evaluateRules(at(t, minute));
      if (minute < 200) await evaluateRules(at(t, minute + 61));
    }
    const page1 = await jsonOf<{ items: { id: string; openedAt: string; resolvedAt: string | null }[]; nextCursor: string }>(
      asUser(TEST_MANAGER, `/api/alerts?ruleId=${id}&limit=2`),
    );
    expect(page1.items.map((a) => a.openedAt)).toEqual([at(t, 200).toISOString(), at(t, 100).toISOString()]);
    const page2 = await jsonOf<{ items: { openedAt: string }[]; nextCursor: string | null }>(
      asUser(TEST_MANAGER, `/api/alerts?ruleId=${id}&limit=2&cursor=${page1.nextCursor}`),
    );
    expect(page2).toEqual({ items: [expect.objectContaining({ openedAt: at(t, 0).toISOString() })], nextCursor: null });
    const open = await jsonOf<{ items: { id: string; resolvedAt: string | null }[] }>(asUser(TEST_MANAGER, `/api/alerts?ruleId=${id}&open=true`));
    expect(open.items).toEqual([expect.objectContaining({ id: page1.items[0].id, resolvedAt: null })]);
    expect((await asUser(TEST_MANAGER, "/api/alerts?cursor=nonsense")).status).toBe(400);
  });
});
