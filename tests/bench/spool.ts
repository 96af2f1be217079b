// npm run bench:spool: webhooks at a steady rate from four vendors while
// Postgres is stopped for 30 s, against this app and the Express receiver
// Unpod's guide suggests (same machine, same database, same payloads): what
// each answers, how fast, and how many calls are stored once it is back.
import { spawn } from "node:child_process";
import pg from "pg";
import type { ProviderId } from "@/lib/providers/lookup";
import { TEST_WEBHOOK_SECRET } from "../support/credentials";
import { freePort, startStack } from "../support/stack";
import { payloadWithId } from "../support/vendor-payloads";

const RATE = Number(process.env.BENCH_RATE ?? 40);
const OUTAGE_S = Number(process.env.BENCH_OUTAGE_SECONDS ?? 30);
const VENDORS: ProviderId[] = ["cllr", "hooman", "autocalls", "hubtalk"];

interface Sample {
  at: number;
  ms: number;
  status: number;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (values: number[], p: number) =>
  values.length ? [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] : NaN;

/** Sends RATE requests a second (not waiting for answers) for `seconds`; resolves with every answer. */
async function steady(url: (vendor: ProviderId) => string, run: string, seconds: number, offset: number): Promise<Sample[]> {
  const sent: Promise<Sample>[] = [];
  const start = Date.now();
  for (let n = 0; n < seconds * RATE; n++) {
    await pause(Math.max(0, start + (n * 1000) / RATE - Date.now()));
    const vendor = VENDORS[n % VENDORS.length];
    const body = JSON.stringify(payloadWithId(vendor, n % 40, `${run}-${offset + n}`));
    const at = Date.now();
    sent.push(
      fetch(url(vendor), { method: "POST", headers: { "content-type": "application/json", "x-webhook-secret": TEST_WEBHOOK_SECRET }, body }).then(
        async (r) => (await r.arrayBuffer(), { at, ms: Date.now() - at, status: r.status }),
        () => ({ at, ms: Date.now() - at, status: 0 }),
      ),
    );
  }
  return Promise.all(sent);
}

const stack = await startStack({ quiet: true, appEnv: { DEMO_DATA: "off" } });
const db = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
db.on("error", () => {});
const peerPort = await freePort();
const peer = spawn(process.execPath, ["--import", "tsx", "tests/bench/unpod-style-receiver.ts"], {
  env: { ...process.env, DATABASE_URL: stack.databaseUrl, PORT: String(peerPort) },
  // Its framework prints a stack trace for each failed request: 1,200 of them here.
  stdio: ["ignore", "pipe", "ignore"],
});
await new Promise((resolve) => peer.stdout.once("data", resolve));

/** Before, during and after an outage; then how long until every 2xx is a stored call. */
async function outage(name: string, url: (vendor: ProviderId) => string, storedCount: (run: string) => Promise<number>) {
  const run = `${name}-${Date.now()}`;
  const before = await steady(url, run, 3, 0);
  const stopped = Date.now();
  const during = steady(url, run, OUTAGE_S, 1_000_000);
  await stack.database!.stop();
  const duringSamples = await during;
  await stack.database!.start();
  const restarted = Date.now();
  const after = await steady(url, run, 3, 2_000_000);
  const all = [...before, ...duringSamples, ...after];
  const ok = all.filter((s) => s.status >= 200 && s.status < 300).length;
  let stored = 0;
  for (let i = 0; i < 600 && stored < ok; i++) {
    stored = await storedCount(run).catch(() => 0);
    if (stored < ok) await pause(100);
  }
  const inOutage = duringSamples.filter((s) => s.at >= stopped && s.at < restarted);
  return {
    sent: all.length,
    ok,
    stored,
    lost: all.length - ok,
    outage: inOutage.map((s) => s.ms),
    otherwise: [...before, ...after].map((s) => s.ms),
    settledSec: (Date.now() - restarted) / 1000,
  };
}

try {
  const count = async (query: string, run: string) => (await db.query<{ n: number }>(query, [`${run}-%`])).rows[0].n;
  console.log(`${RATE} webhooks/s from ${VENDORS.join(", ")}; Postgres stopped for ${OUTAGE_S} s in the middle of each run.`);
  const app = await outage(
    "app",
    (v) => `${stack.baseUrl}/api/webhooks/${v}`,
    (run) => count("SELECT count(*)::int AS n FROM calls WHERE external_id LIKE $1", run),
  );
  const express = await outage(
    "peer",
    (v) => `http://127.0.0.1:${peerPort}/webhook/${v}`,
    (run) => count("SELECT count(*)::int AS n FROM call_records WHERE task_id LIKE $1", run),
  );

  const row = (label: string, a: string | number, b: string | number) => console.log(`${label.padEnd(40)}${String(a).padStart(14)}${String(b).padStart(22)}`);
  const pct = (ms: number[]) => `${percentile(ms, 0.5)} / ${percentile(ms, 0.99)}`;
  console.log("");
  row("", "this app", "Express + pg (peer)");
  row("webhooks sent", app.sent, express.sent);
  row("answered 2xx", app.ok, express.ok);
  row("refused or failed (the vendor must retry)", app.lost, express.lost);
  row("calls stored in the end", app.stored, express.stored);
  row("answer p50 / p99 during the outage (ms)", pct(app.outage), pct(express.outage));
  row("answer p50 / p99 otherwise (ms)", pct(app.otherwise), pct(express.otherwise));
  row("all 2xx stored, after restart (s)", app.settledSec.toFixed(1), express.settledSec.toFixed(1));
  console.log(app.stored === app.ok ? "\nThis app: every 2xx answer is a stored call." : `\nMISMATCH: ${app.ok} 2xx answers but ${app.stored} calls stored.`);
  console.log("Vendors that do not retry (Hooman says so; Cllr gives 10 s) lose every call the receiver did not answer 2xx.");
} finally {
  peer.kill();
  await db.end();
  await stack.stop();
}
process.exit(0);
