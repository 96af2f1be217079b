import { randomUUID } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { encodeRecord } from "@/lib/ingest/spool/record";
import { syncAlerts } from "@/lib/sources/alerts";
import { listSourceHealth } from "@/lib/sources/health";
import { TEST_ADMIN, TEST_MANAGER } from "../support/credentials";
import { fixture } from "../support/fixtures";
import { baseUrl, sendWebhook, sql, uniq } from "../support/http";
import { asUser } from "../support/session";
import { configureSource, createSource } from "../support/sources";

// Source health: last delivery, counts by status, and alerts that open when a
// source goes quiet or starts failing, show on the overview, and resolve.

async function healthOf(slug: string) {
  const res = await asUser(TEST_ADMIN, "/api/sources");
  expect(res.status).toBe(200);
  const { sources } = (await res.json()) as {
    sources: Array<{
      slug: string;
      alerts: { kind: string; detail: string }[];
      last24h: Record<string, number>;
      lastEventAt: string | null;
      state: string;
      stateDetail: string | null;
      spooled: { count: number } | null;
    }>;
  };
  return sources.find((s) => s.slug === slug)!;
}

const goodCall = () => ({ ...fixture<Record<string, unknown>>("cllr/example.json"), callId: uniq("cllr"), transcriptUri: undefined });

describe("source health", () => {
  it("opens an alert for a source quieter than its expected gap, shows it on the overview, and resolves it when calls arrive", async () => {
    const { id, slug } = await createSource("cllr");
    expect((await configureSource(slug, { health: { expectedGapMinutes: 5 } })).status).toBe(200);
    await sql(`UPDATE sources SET created_at = now() - interval '10 minutes' WHERE id = $1`, [id]);

    expect((await healthOf(slug)).alerts).toEqual([
      { kind: "silent", detail: "Nothing has arrived in the 10 min since it was connected (expected at least every 5 min)." },
    ]);
    await syncAlerts(await listSourceHealth());
    await syncAlerts(await listSourceHealth());
    const open = await sql(`SELECT kind FROM source_alerts WHERE source_id = $1 AND resolved_at IS NULL`, [id]);
    expect(open).toEqual([{ kind: "silent" }]);

    const overview = await (await asUser(TEST_MANAGER, "/")).text();
    expect(overview).toContain("Nothing has arrived in the 10 min since it was connected");

    expect((await sendWebhook(slug, goodCall())).status).toBe(202);
    const healthy = await healthOf(slug);
    expect(healthy.alerts).toEqual([]);
    expect(healthy.last24h).toEqual({ stored: 1 });
    await syncAlerts(await listSourceHealth());
    expect(await sql(`SELECT kind FROM source_alerts WHERE source_id = $1 AND resolved_at IS NULL`, [id])).toEqual([]);
  });

  it("flags a source whose events start failing", async () => {
    const { slug } = await createSource("cllr");
    for (let i = 0; i < 3; i++) expect((await sendWebhook(slug, goodCall())).status).toBe(202);
    for (let i = 0; i < 5; i++) expect((await sendWebhook(slug, "{not json")).status).toBe(400);
    const health = await healthOf(slug);
    expect(health.last24h).toEqual({ stored: 3, rejected: 5 });
    expect(health.alerts.map((a) => a.kind)).toEqual(["failing"]);
    expect(health.state).toBe("failing");
  });

  it("counts a day and a week of events by status to the minute, in step with status changes and deletions", async () => {
    const { id } = await createSource("cllr");
    const event = (ago: string, status: string, isTest = false) =>
      sql<{ id: string }>(
        `INSERT INTO raw_events (id, source_id, received_at, method, headers, query, body, status, is_test)
         VALUES (gen_random_uuid(), $1, now() - $2::interval, 'POST', '{}', '{}', '\\x', $3, $4) RETURNING id`,
        [id, ago, status, isTest],
      ).then((rows) => rows[0].id);
    // Either side of each period's start, inside hours the counts table holds whole and the hour each period starts in.
    for (const ago of ["7 days 10 minutes", "7 days -10 minutes", "24 hours 5 minutes", "24 hours -5 minutes", "3 hours", "1 minute"]) {
      await event(ago, "stored");
      await event(ago, "failed");
    }
    await event("1 minute", "stored", true);
    const replayed = await event("2 days", "failed");
    const purged = await event("30 minutes", "rejected");
    await sql(`UPDATE raw_events SET status = 'stored' WHERE id = $1`, [replayed]);
    await sql(`DELETE FROM raw_events WHERE id = $1`, [purged]);

    const now = new Date();
    const [counted] = await sql<{ day: Record<string, number>; week: Record<string, number> }>(
      `SELECT (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM raw_events
                WHERE source_id = $1 AND NOT is_test AND received_at > $2::timestamptz - interval '24 hours' GROUP BY 1) d) AS day,
              (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM raw_events
                WHERE source_id = $1 AND NOT is_test AND received_at > $2::timestamptz - interval '7 days' GROUP BY 1) w) AS week`,
      [id, now],
    );
    expect(counted).toEqual({ day: { stored: 3, failed: 3 }, week: { stored: 6, failed: 5 } });
    const health = (await listSourceHealth(now)).find((s) => s.id === id)!;
    expect({ day: health.last24h, week: health.last7d }).toEqual(counted);
  });

  it("says never received, then OK, for a source that is set up", async () => {
    const { slug } = await createSource("cllr");
    expect(await healthOf(slug)).toMatchObject({ state: "never_received", stateDetail: "Nothing has arrived from this source yet.", alerts: [] });
    expect((await sendWebhook(slug, goodCall())).status).toBe(202);
    expect(await healthOf(slug)).toMatchObject({ state: "ok", stateDetail: null });
  });

  it("says failing for a source whose only events failed, however few", async () => {
    const { slug } = await createSource("cllr");
    expect((await sendWebhook(slug, { callId: uniq("c"), callAnalysis: { score: "very high" } })).status).toBe(422);
    expect(await healthOf(slug)).toMatchObject({ state: "failing", stateDetail: "1 of 1 events in 24 h were rejected or failed." });
  });

  it("says misconfigured for HubTalk without storage and Unpod without polling, on the page and the overview", async () => {
    const hubtalk = await createSource("hubtalk");
    const t = fixture<Record<string, unknown>>("hubtalk/full-example.json");
    expect((await sendWebhook(hubtalk.slug, { ...t, call_event_uuid: crypto.randomUUID() })).status).toBe(202);
    const unpod = await createSource("unpod");
    expect(await healthOf(hubtalk.slug)).toMatchObject({ state: "misconfigured", alerts: [{ kind: "misconfigured" }] });
    expect((await healthOf(unpod.slug)).state).toBe("misconfigured");
    expect((await healthOf(unpod.slug)).stateDetail).toMatch(/polling is not set up/);

    await syncAlerts(await listSourceHealth());
    const overview = await (await asUser(TEST_MANAGER, "/")).text();
    expect(overview).toContain("HubTalk sends them as files in your storage bucket");
    const page = await (await asUser(TEST_ADMIN, "/admin/sources")).text();
    expect(page).toMatch(new RegExp(`data-testid="source-${hubtalk.slug}"[\\s\\S]*?data-state="misconfigured"`));

    const storage = { bucket: "calls", region: "eu-west-1", accessKeyId: "AKIATEST", secretAccessKey: "s3cret-key" };
    expect((await configureSource(hubtalk.slug, { storage })).status).toBe(200);
    expect(await healthOf(hubtalk.slug)).toMatchObject({ state: "ok", alerts: [] });
  });

  it("keeps sources, settings and the job queue to admins", async () => {
    expect((await asUser(TEST_MANAGER, "/api/sources")).status).toBe(403);
    expect((await asUser(TEST_MANAGER, "/api/jobs")).status).toBe(403);
    expect((await asUser(TEST_MANAGER, "/api/sources/cllr", { method: "PATCH", body: JSON.stringify({ enabled: false }) })).status).toBe(403);
    const jobs = await asUser(TEST_ADMIN, "/api/jobs");
    expect(jobs.status).toBe(200);
    const body = (await jobs.json()) as { queues: { queue: string }[] };
    expect(body.queues.map((q) => q.queue)).toEqual([
      "unpod-poll",
      "transcript-fetch",
      "delivery",
      "rescore",
      "rebucket",
      "agent-aliases",
      "trackers",
      "recording-archive",
      "recording-backfill",
      "talk-metrics",
      "retention",
      "digests",
      "maintenance",
      "metric-alerts",
      "metric-alert-mail",
    ]);
  });

  it("shows webhooks waiting in the spool on the Sources page, per source, and in the health endpoint", async () => {
    const source = await createSource("cllr");
    // Written as another live app process's spool would be (this test's pid): the app shows it and leaves it alone.
    const file = path.join(inject("spoolDir"), `${String(Date.now()).padStart(15, "0")}-${process.pid}-${"ab".repeat(8)}-1.spool`);
    const event = (n: number) => ({
      id: randomUUID(),
      sourceId: source.id,
      receivedAt: new Date(Date.now() - 20_000 + n).toISOString(),
      method: "POST",
      headers: {},
      query: {},
      body: Buffer.from(JSON.stringify(goodCall())).toString("base64"),
    });
    const records = Buffer.concat([1, 2, 3].map((n) => encodeRecord(event(n))));
    await writeFile(file, records);
    try {
      const health = (await (await fetch(`${baseUrl()}/api/health`)).json()) as { ok: boolean; spool: { files: number; bytes: number } };
      expect(health).toMatchObject({ ok: true, spool: { files: 1, bytes: records.length } });
      expect((await healthOf(source.slug)).spooled).toMatchObject({ count: 3 });
      const page = await (await asUser(TEST_ADMIN, "/admin/sources")).text();
      expect(page).toContain("are waiting in this machine");
    } finally {
      await rm(file);
    }
    expect((await healthOf(source.slug)).spooled).toBeNull();
    expect(await (await asUser(TEST_ADMIN, "/admin/sources")).text()).not.toContain("are waiting in this machine");
  });
});
