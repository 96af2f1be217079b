// npm run bench:ingest: webhook throughput and latency of this app against the
// framework's floor (a Next.js route in the same build that stores the body
// with one INSERT) and the Express receiver Unpod's guide suggests: same
// machine, same Postgres, same payloads. Then two app processes on one database.
// BENCH_PROFILE=1 writes the app's CPU profile (.data/profiles) and prints its top entries.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { scenario } from "@/lib/demo/scenario";
import { PROVIDER_IDS, type ProviderId } from "@/lib/providers/lookup";
import { samplePayload } from "@/lib/providers/modules";
import { TEST_WEBHOOK_SECRET } from "../support/credentials";
import { freePort, startStack } from "../support/stack";
import { nowUs, printTopFunctions, type Window } from "./cpu-profile";
import { formatCpu, measureCpu, type CpuUse } from "./cpu-use";
import { formatWaits, sampleWaits } from "./db-waits";
import { setCallId } from "../support/vendor-payloads";
import { settle } from "./settle";

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const PROFILE_DIR = process.env.BENCH_PROFILE ? path.resolve(".data/profiles", String(Date.now())) : null;

/** Connected calls (they have a conversation to lengthen), with different customers. */
const SEQS = Array.from({ length: 400 }, (_, i) => i)
  .filter((i) => scenario(7, i).turns.length > 0)
  .slice(0, 20);

/**
 * A vendor payload of about `bytes` (a longer transcript), with a marker where
 * the unique id goes. Cllr sends its transcript by URL, so its size is fixed.
 */
function template(provider: ProviderId, seq: number, bytes: number): string {
  let json = "";
  for (let turns = 0; turns < 1000 && json.length < bytes; turns += 2) {
    const payload = setCallId(provider, samplePayload(provider, scenario(7, seq, { extraTurns: turns })), "__ID__");
    const previous = json.length;
    json = JSON.stringify(payload);
    if (json.length === previous) break;
  }
  return json;
}

const templates = SEQS.flatMap((seq) =>
  PROVIDER_IDS.flatMap((provider) => [10_000, 50_000].map((size) => ({ provider, json: template(provider, seq, size) }))),
);

/**
 * Peak runs last DURATION seconds. Runs at a set rate send a fixed number of
 * requests instead, all of which complete, so stored calls can be counted
 * against 2xx answers exactly (runs cut by time drop requests in flight).
 */
async function load(name: string, url: Url, opts: { rate?: number; connections?: number }) {
  let n = 0;
  const run = `${name}-${Date.now()}`;
  const result = await autocannon({
    url: url("unpod"),
    connections: opts.connections ?? CONNECTIONS,
    ...(opts.rate ? { overallRate: opts.rate, amount: Math.round(opts.rate * DURATION) } : { duration: DURATION }),
    requests: [
      {
        method: "POST",
        setupRequest: (req) => {
          const t = templates[n % templates.length];
          const body = t.json.replace('"__ID__"', JSON.stringify(`${run}-${n++}`));
          return {
            ...req,
            path: new URL(url(t.provider)).pathname,
            body,
            headers: { "content-type": "application/json", "x-webhook-secret": TEST_WEBHOOK_SECRET },
          };
        },
      },
    ],
  });
  return {
    run,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    total: result.requests.total,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

async function count(databaseUrl: string, query: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query<{ count: string }>(query)).rows[0].count);
  } finally {
    await client.end();
  }
}

type Run = Awaited<ReturnType<typeof load>>;
type Url = (provider: ProviderId) => string;

/** Two loads side by side, half the connections each: their total. */
async function loadBoth(name: string, a: Url, b: Url): Promise<Pick<Run, "rps" | "failed">> {
  const connections = Math.max(1, Math.round(CONNECTIONS / 2));
  const [x, y] = await Promise.all([load(`${name}-a`, a, { connections }), load(`${name}-b`, b, { connections })]);
  return { rps: x.rps + y.rps, failed: x.failed + y.failed };
}

console.log(
  `Payloads: ${templates
    .slice(0, 10)
    .map((t) => `${t.provider} ${(t.json.length / 1024).toFixed(0)} KB`)
    .join(", ")}; ${SEQS.length} customers`,
);
if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
const profiling: Record<string, string> = PROFILE_DIR ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${PROFILE_DIR}` } : {};
const stack = await startStack({ quiet: true, appEnv: { DEMO_DATA: "off", BENCH_FLOOR: "true", ...profiling } });
const floorTable = new pg.Client({ connectionString: stack.databaseUrl });
await floorTable.connect();
await floorTable.query(
  "CREATE TABLE IF NOT EXISTS bench_floor (id bigserial PRIMARY KEY, received_at timestamptz NOT NULL DEFAULT now(), body bytea NOT NULL)",
);
await floorTable.end();
const peerPort = await freePort();
const peer = spawn(process.execPath, ["--import", "tsx", "tests/bench/unpod-style-receiver.ts"], {
  env: { ...process.env, DATABASE_URL: stack.databaseUrl, PORT: String(peerPort) },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((resolve) => peer.stdout.once("data", resolve));

/** The three side by side, then two app processes; prints the tables. */
async function compare(appPeak: Run, appCpu: CpuUse | null, app: Url, floor: Url, express: Url): Promise<void> {
  await settle(stack.databaseUrl);
  const { result: floorPeak, cpu: floorCpu } = await measureCpu(
    stack.app.pid,
    () => load("floor-peak", floor, {}),
    (r) => r.total,
  );
  await settle(stack.databaseUrl);
  const { result: peerPeak, cpu: peerCpu } = await measureCpu(
    peer.pid!,
    () => load("peer-peak", express, {}),
    (r) => r.total,
  );
  // The same rate for all three: latency under the load the app takes at half its peak.
  const half = Math.max(1, Math.floor(appPeak.rps / 2));
  await settle(stack.databaseUrl);
  const { result: appHalf, waits } = await sampleWaits(stack.databaseUrl, () => load("app-half", app, { rate: half }));
  await settle(stack.databaseUrl);
  const floorHalf = await load("floor-half", floor, { rate: half });
  await settle(stack.databaseUrl);
  const peerHalf = await load("peer-half", express, { rate: half });
  const appStored = await count(stack.databaseUrl, `SELECT count(*) FROM calls WHERE external_id LIKE '${appHalf.run}-%'`);
  const peerStored = await count(stack.databaseUrl, `SELECT count(*) FROM call_records WHERE task_id LIKE '${peerHalf.run}-%'`);

  // A second app process on the same database, sharing the load with the first.
  const second = await stack.restartApp({ port: await freePort(), quiet: true });
  const other = (p: ProviderId) => `${second.baseUrl}/api/webhooks/${p}`;
  await load("warmup-second", other, { rate: 50 });
  await settle(stack.databaseUrl);
  const twoPeak = await loadBoth("two-peak", app, other);
  await settle(stack.databaseUrl);
  const twoHalfRuns = await Promise.all([load("two-half-a", app, { rate: half }), load("two-half-b", other, { rate: half })]);
  const twoStored = await count(
    stack.databaseUrl,
    `SELECT count(*) FROM calls WHERE external_id LIKE '${twoHalfRuns[0].run}-%' OR external_id LIKE '${twoHalfRuns[1].run}-%'`,
  );
  const twoOk = twoHalfRuns[0].ok + twoHalfRuns[1].ok;
  await second.kill("SIGTERM");

  const row = (label: string, ...cells: Array<string | number>) => console.log(`${label.padEnd(36)}${cells.map((c) => String(c).padStart(20)).join("")}`);
  console.log("");
  row("", "this app", "Next floor", "Express + pg (peer)");
  row("peak requests/s", appPeak.rps.toFixed(0), floorPeak.rps.toFixed(0), peerPeak.rps.toFixed(0));
  row("p50 / p99 at peak (ms)", `${appPeak.p50} / ${appPeak.p99}`, `${floorPeak.p50} / ${floorPeak.p99}`, `${peerPeak.p50} / ${peerPeak.p99}`);
  row("CPU ms per request at peak (1)", formatCpu(appCpu), formatCpu(floorCpu), formatCpu(peerCpu));
  row(`p50 / p99 at ${half}/s (ms)`, `${appHalf.p50} / ${appHalf.p99}`, `${floorHalf.p50} / ${floorHalf.p99}`, `${peerHalf.p50} / ${peerHalf.p99}`);
  row(`2xx answers at ${half}/s`, appHalf.ok, floorHalf.ok, peerHalf.ok);
  row(`calls stored at ${half}/s`, appStored, "", peerStored);
  row("failed requests (all runs)", appPeak.failed + appHalf.failed, floorPeak.failed + floorHalf.failed, peerPeak.failed + peerHalf.failed);
  console.log("");
  row("two app processes, one database", "peak requests/s", `2xx at ${half}/s each`, "calls stored");
  row("", twoPeak.rps.toFixed(0), twoOk, twoStored);
  console.log("(1) server process / Postgres / load generator (this process), user and system time from /proc");
  console.log(`\nThe database's connections at ${half}/s (average number running, or waiting on): ${formatWaits(waits)}`);
  console.log(`\nThroughput: app / floor ${(appPeak.rps / floorPeak.rps).toFixed(2)}, app / Express ${(appPeak.rps / peerPeak.rps).toFixed(2)}`);
  console.log(`Two processes / one: ${(twoPeak.rps / appPeak.rps).toFixed(2)} (failed requests: ${twoPeak.failed})`);
  const lost = appStored !== appHalf.ok || twoStored !== twoOk;
  console.log(lost ? `MISMATCH: 2xx answers and stored calls differ.` : "Nothing lost: every 2xx answer is a stored call, with one process or two.");
  console.log("The app per request: secret check, raw request kept, zod mapping, call + transcript + contact + rollups committed.");
  console.log("The floor per request: Next's routing and request object, the body read, one INSERT of it, a JSON answer.");
}

let peakWindow: Window | undefined;
try {
  const app = (p: ProviderId) => `${stack.baseUrl}/api/webhooks/${p}`;
  const floor = () => `${stack.baseUrl}/api/bench/floor`;
  const express = (p: ProviderId) => `http://127.0.0.1:${peerPort}/webhook/${p}`;
  console.log(`Warming up, then ${DURATION} s per run, ${CONNECTIONS} connections...`);
  await load("warmup", app, { rate: 50 });
  await load("warmup-floor", floor, { rate: 50 });

  await settle(stack.databaseUrl);
  const fromUs = nowUs();
  const { result: appPeak, cpu: appCpu } = await measureCpu(
    stack.app.pid,
    () => load("app-peak", app, {}),
    (r) => r.total,
  );
  peakWindow = { fromUs, toUs: nowUs() };
  if (PROFILE_DIR) {
    console.log(`app peak: ${appPeak.rps.toFixed(0)} requests/s, p50 / p99 ${appPeak.p50} / ${appPeak.p99} ms`);
    console.log(`CPU ms per request (app process / Postgres / load generator): ${formatCpu(appCpu)}`);
  }
  // A profile holds the pipeline alone: the app at its peak, nothing else.
  else await compare(appPeak, appCpu, app, floor, express);
} finally {
  peer.kill();
  await stack.stop();
}
// The peak alone: not the start, the warm-up or the shutdown.
if (PROFILE_DIR) await printTopFunctions(PROFILE_DIR, 15, peakWindow);
process.exit(0);
