// npm run bench:deliver: forwarding BENCH_CALLS (20) hot calls to BENCH_DESTINATIONS
// (50) webhook destinations, 1,000 deliveries, through the app's delivery jobs
// (claim with a lease, rate-limit slot, load the call, sign with Standard
// Webhooks, POST, record), beside the peer: a plain loop of the same work
// without a queue (load, sign, POST, UPDATE), four at a time like the app's
// four delivery workers, against the same receiver and database.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { Webhook } from "standardwebhooks";
import { fixture } from "../support/fixtures";
import { startReceiver } from "../support/receiver";
import type { SavedFacts } from "@/lib/ingest/save-call";
import { withBenchDatabase } from "./bench-database";

const CALLS = Number(process.env.BENCH_CALLS ?? 20);
const DESTINATIONS = Number(process.env.BENCH_DESTINATIONS ?? 50);
const TOTAL = CALLS * DESTINATIONS;

process.env.SECRETS_KEY = randomBytes(32).toString("base64");
process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1:*";
process.env.LOG_LEVEL = "warn";
process.env.JOB_RETRY_BASE_SECONDS = "1";

const receiver = await startReceiver({ status: 204 });
try {
  await withBenchDatabase("deliver", async () => {
    const { db } = await import("@/lib/db/client");
    const { endPools, pool } = await import("@/lib/db/pool");
    const { storeRawEvent } = await import("@/lib/ingest/store-raw");
    const { processRawEvent } = await import("@/lib/ingest/process");
    const { createDestination } = await import("@/lib/destinations/manage");
    const { openConfig } = await import("@/lib/destinations/config");
    const { queueCallDeliveries } = await import("@/lib/destinations/queue");
    const { getCall } = await import("@/lib/calls/detail");
    const { startWorkers } = await import("@/lib/jobs/worker");
    const { stopJobs } = await import("@/lib/jobs/boss");

    const source = await db.source.findUniqueOrThrow({ where: { slug: "autocalls" } });
    const calls: { id: string; facts: SavedFacts }[] = [];
    for (let i = 0; i < CALLS; i++) {
      const body = Buffer.from(JSON.stringify({ ...fixture("autocalls/campaign-call.json"), id: 900_000 + i }));
      const event = await storeRawEvent(source.id, { method: "POST", headers: {}, query: {}, body });
      const saved = await processRawEvent(event, source, { followUps: false });
      if (saved.kind !== "stored") throw new Error(`seeding failed: ${saved.kind}`);
      calls.push({ id: saved.callId, facts: saved.facts });
    }
    const destinations = [];
    for (let i = 0; i < DESTINATIONS; i++) {
      const { destination } = await createDestination({
        kind: "webhook",
        name: `bench ${i}`,
        config: { url: `${receiver.url}/d/${i}` },
        rules: { calls: "all" },
      });
      destinations.push(destination);
    }

    console.log(`Forwarding ${CALLS} calls to ${DESTINATIONS} webhook destinations: ${TOTAL.toLocaleString()} deliveries.\n`);
    await startWorkers();
    const t0 = performance.now();
    for (const call of calls) await queueCallDeliveries(call.id, call.facts);
    for (;;) {
      const [{ n }] = (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM deliveries WHERE status = 'delivered'")).rows;
      if (n === TOTAL) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const app = performance.now() - t0;
    const { rows: latency } = await pool.query<{ p50: number; p95: number }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95
       FROM (SELECT EXTRACT(EPOCH FROM delivered_at - created_at) * 1000 AS ms FROM deliveries) x`,
    );
    await stopJobs();
    if (receiver.requests.length !== TOTAL) throw new Error(`the receiver got ${receiver.requests.length} requests, not ${TOTAL}`);

    // The peer: the same sends in a plain loop, four at a time.
    const work = destinations.flatMap((d) => calls.map((call) => ({ d, callId: call.id })));
    const peerStart = performance.now();
    const runner = async () => {
      for (let job = work.pop(); job; job = work.pop()) {
        const call = await getCall(job.callId);
        const { url, secret } = openConfig("webhook", job.d.config);
        const id = randomBytes(12).toString("hex");
        const at = new Date();
        const body = JSON.stringify({ type: "call.forwarded", timestamp: at.toISOString(), data: { call } });
        const res = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "webhook-id": id,
            "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
            "webhook-signature": new Webhook(secret).sign(id, at, body),
          },
          body,
        });
        await pool.query("UPDATE destinations SET updated_at = now() WHERE id = $1 AND $2::int > 0", [job.d.id, res.status]);
      }
    };
    await Promise.all([runner(), runner(), runner(), runner()]);
    const peer = performance.now() - peerStart;

    const row = (label: string, ms: number) =>
      console.log(
        `  ${label.padEnd(62)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${Math.round((TOTAL / ms) * 1000)
          .toLocaleString()
          .padStart(6)} deliveries/s`,
      );
    row("this app (jobs: claim, rate limit, load, sign, POST, record)", app);
    row("peer: plain loop, 4 at a time (load, sign, POST, update)", peer);
    console.log(
      `\n  ratio: ${(app / peer).toFixed(1)}× the peer's time; from queued to delivered p50 ${Math.round(latency[0].p50)} ms, p95 ${Math.round(latency[0].p95)} ms`,
    );
    await db.$disconnect();
    await endPools();
  });
} finally {
  await receiver.close();
}
process.exit(0);
