// npm run bench:poll: importing an Unpod backlog of BENCH_TASKS (5,000) tasks
// through the poller (a fake task API on loopback, embedded Postgres), beside
// the peer: the polling loop of Unpod's own guide, pages of 50 and one
// INSERT … ON CONFLICT DO NOTHING per task, against the same server and database.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { fakeTask, startUnpodServer, UNPOD_TOKENS, type UnpodServer } from "../support/unpod-server";
import { withBenchDatabase } from "./bench-database";
import type { PeerPayload } from "./unpod-style-receiver";

const TASKS = Number(process.env.BENCH_TASKS ?? 5000);
const PAGE = 50;

process.env.SECRETS_KEY = randomBytes(32).toString("base64");
process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1:*";
process.env.LOG_LEVEL = "warn";

const unpod = await startUnpodServer();
try {
  await withBenchDatabase("poll", async (databaseUrl) => {
    const { db } = await import("@/lib/db/client");
    const { applySettings } = await import("@/lib/sources/settings");
    const { pollSource } = await import("@/lib/polling/poll-sources");

    for (let i = 0; i < TASKS; i++) unpod.tasks.push(fakeTask(TASKS - i));
    const source = await db.source.findUniqueOrThrow({ where: { slug: "unpod" } });
    await db.source.update({
      where: { id: source.id },
      data: { settings: applySettings("unpod", {}, { polling: { apiBaseUrl: unpod.url, ...UNPOD_TOKENS, pageSize: PAGE, pagesPerRun: 200, intervalSec: 0 } }) },
    });

    console.log(`Importing a backlog of ${TASKS.toLocaleString()} completed Unpod tasks, ${PAGE} a page.\n`);
    const app = await timed(async () => {
      for (;;) {
        const outcome = await pollSource(source.id);
        if (outcome.status === "done") return;
        if (outcome.status !== "more") throw new Error(`poll ended ${outcome.status}`);
      }
    });
    const peer = await timed(() => peerImport(unpod, databaseUrl));

    const stored = await db.call.count({ where: { sourceId: source.id } });
    row("this app (raw event, adapter, call, transcript, rollups)", app, stored);
    row("peer: Unpod guide's loop (one INSERT per task)", peer, TASKS);
    console.log(`\n  ratio: ${(app / peer).toFixed(1)}× the peer's time, for a full canonical call per task instead of one row`);

    // Later polls: 20 new tasks on top of the imported history.
    for (let i = 0; i < 20; i++) unpod.tasks.push(fakeTask(-1 - i / 100));
    const before = unpod.requests.length;
    const incremental = await timed(async () => void (await pollSource(source.id)));
    console.log(
      `\n  next poll with 20 new tasks: ${incremental.toFixed(0)} ms, ${unpod.requests.length - before} page(s) read of ${Math.ceil((TASKS + 20) / PAGE)}`,
    );
    await db.$disconnect();
    await (await import("@/lib/db/pool")).endPools();
  });
} finally {
  await unpod.close();
}

async function timed(work: () => Promise<void>): Promise<number> {
  const t = performance.now();
  await work();
  return performance.now() - t;
}

function row(label: string, ms: number, tasks: number) {
  console.log(
    `  ${label.padEnd(58)} ${(ms / 1000).toFixed(1).padStart(6)} s  ${Math.round((tasks / ms) * 1000)
      .toLocaleString()
      .padStart(6)} tasks/s`,
  );
}

/** What Unpod's guide does: read every page, insert each completed task, skip known ids. */
async function peerImport(server: UnpodServer, url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE TABLE IF NOT EXISTS call_records (task_id text PRIMARY KEY, run_id text, contact_name text, contact_phone text,
    call_status text, duration int, outcome text, summary_text text, recording_url text, transcript jsonb, created_at timestamptz)`);
  for (let page = 1; ; page++) {
    const res = await fetch(`${server.url}/spaces/${UNPOD_TOKENS.spaceToken}/tasks/?page=${page}&page_size=${PAGE}`, {
      headers: { authorization: `Token ${UNPOD_TOKENS.apiToken}`, "org-handle": UNPOD_TOKENS.orgHandle },
    });
    const { data } = (await res.json()) as { data: Array<PeerPayload & { task_id: string }> };
    for (const t of data) {
      if (t.status !== "completed") continue;
      await client.query(`INSERT INTO call_records VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10, now()) ON CONFLICT (task_id) DO NOTHING`, [
        t.task_id,
        t.run_id,
        t.input?.name,
        t.input?.contact_number,
        t.output?.call_status,
        t.output?.duration,
        t.output?.post_call_data?.profile_summary?.outcome,
        t.output?.post_call_data?.summary?.summary,
        t.output?.recording_url,
        JSON.stringify(t.output?.transcript ?? []),
      ]);
    }
    if (data.length < PAGE) break;
  }
  await client.end();
}
