// npm run bench:ingest: webhook throughput and latency of this app against the
// Express receiver Unpod's guide suggests, same machine, same Postgres, same payloads.
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import pg from "pg";
import { scenario } from "@/lib/demo/scenario";
import { PROVIDER_IDS, type ProviderId } from "@/lib/providers/lookup";
import { samplePayload } from "@/lib/providers/modules";
import { TEST_WEBHOOK_SECRET } from "../support/credentials";
import { freePort, startStack } from "../support/stack";
import { setCallId } from "../support/vendor-payloads";

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

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
async function load(name: string, url: (provider: ProviderId) => string, opts: { rate?: number }) {
  let n = 0;
  const run = `${name}-${Date.now()}`;
  const result = await autocannon({
    url: url("unpod"),
    connections: CONNECTIONS,
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

console.log(
  `Payloads: ${templates
    .slice(0, 10)
    .map((t) => `${t.provider} ${(t.json.length / 1024).toFixed(0)} KB`)
    .join(", ")}; ${SEQS.length} customers`,
);
const stack = await startStack({ quiet: true, appEnv: { DEMO_DATA: "off" } });
const peerPort = await freePort();
const peer = spawn(process.execPath, ["--import", "tsx", "tests/bench/unpod-style-receiver.ts"], {
  env: { ...process.env, DATABASE_URL: stack.databaseUrl, PORT: String(peerPort) },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((resolve) => peer.stdout.once("data", resolve));

try {
  const app = (p: ProviderId) => `${stack.baseUrl}/api/webhooks/${p}`;
  const express = (p: ProviderId) => `http://127.0.0.1:${peerPort}/webhook/${p}`;
  console.log(`Warming up, then ${DURATION} s per run, ${CONNECTIONS} connections...`);
  await load("warmup", app, { rate: 50 });

  const appPeak = await load("app-peak", app, {});
  const peerPeak = await load("peer-peak", express, {});
  const appAt80 = await load("app-80", app, { rate: Math.floor(appPeak.rps * 0.8) });
  const peerAt80 = await load("peer-80", express, { rate: Math.floor(peerPeak.rps * 0.8) });

  const appStored = await count(stack.databaseUrl, `SELECT count(*) FROM calls WHERE external_id LIKE '${appAt80.run}-%'`);
  const peerStored = await count(stack.databaseUrl, `SELECT count(*) FROM call_records WHERE task_id LIKE '${peerAt80.run}-%'`);

  const row = (label: string, a: string | number, b: string | number) => console.log(`${label.padEnd(34)}${String(a).padStart(16)}${String(b).padStart(22)}`);
  console.log("");
  row("", "this app", "Express + pg (peer)");
  row("peak requests/s", appPeak.rps.toFixed(0), peerPeak.rps.toFixed(0));
  row("p50 / p99 at peak (ms)", `${appPeak.p50} / ${appPeak.p99}`, `${peerPeak.p50} / ${peerPeak.p99}`);
  row("p50 / p99 at 80% of peak (ms)", `${appAt80.p50} / ${appAt80.p99}`, `${peerAt80.p50} / ${peerAt80.p99}`);
  row("2xx answers at 80%", appAt80.ok, peerAt80.ok);
  row("calls stored at 80%", appStored, peerStored);
  row("failed requests (all runs)", appPeak.failed + appAt80.failed, peerPeak.failed + peerAt80.failed);
  console.log(`\nThroughput ratio (app / peer): ${(appPeak.rps / peerPeak.rps).toFixed(2)}`);
  console.log(
    appStored === appAt80.ok ? "Nothing lost: every 2xx answer is a stored call." : `MISMATCH: ${appAt80.ok} 2xx answers but ${appStored} calls stored.`,
  );
  console.log("The app per request: secret check, raw event stored, zod mapping, call + transcript + contact + rollup in one transaction.");
} finally {
  peer.kill();
  await stack.stop();
}
process.exit(0);
