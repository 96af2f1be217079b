import { describe, expect, it } from "vitest";
import { syncAlerts } from "@/lib/sources/alerts";
import { listSourceHealth } from "@/lib/sources/health";
import { TEST_ADMIN, TEST_MANAGER } from "../support/credentials";
import { fixture } from "../support/fixtures";
import { sendWebhook, sql, uniq } from "../support/http";
import { asUser } from "../support/session";
import { configureSource, createSource } from "../support/sources";

// Source health: last delivery, counts by status, and alerts that open when a
// source goes quiet or starts failing, show on the overview, and resolve.

async function healthOf(slug: string) {
  const res = await asUser(TEST_ADMIN, "/api/sources");
  expect(res.status).toBe(200);
  const { sources } = (await res.json()) as {
    sources: Array<{ slug: string; alerts: { kind: string; detail: string }[]; last24h: Record<string, number>; lastEventAt: string | null }>;
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
  });

  it("keeps sources, settings and the job queue to admins", async () => {
    expect((await asUser(TEST_MANAGER, "/api/sources")).status).toBe(403);
    expect((await asUser(TEST_MANAGER, "/api/jobs")).status).toBe(403);
    expect((await asUser(TEST_MANAGER, "/api/sources/cllr", { method: "PATCH", body: JSON.stringify({ enabled: false }) })).status).toBe(403);
    const jobs = await asUser(TEST_ADMIN, "/api/jobs");
    expect(jobs.status).toBe(200);
    const body = (await jobs.json()) as { queues: { queue: string }[] };
    expect(body.queues.map((q) => q.queue)).toEqual(["unpod-poll", "transcript-fetch", "delivery", "rescore", "rebucket", "maintenance"]);
  });
});
