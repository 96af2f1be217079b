// A quick check of a clone as a new user runs it: `npm start`, one webhook,
// the call it made through the read API, the sign-in page, then Ctrl-C.
// CI runs it on the Node lines the full suite does not run on.
//   node --import tsx tests/smoke/start.ts      (PORT, EMBEDDED_PG_PORT to move it)
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

const port = process.env.PORT ?? "3300";
const base = `http://localhost:${port}`;
const secret = "smoke-webhook-secret-0123456789";
const apiKey = "smoke-api-key-0123456789abcdef";

const app = spawn("npm", ["start"], {
  env: {
    ...process.env,
    PORT: port,
    EMBEDDED_PG_PORT: process.env.EMBEDDED_PG_PORT ?? "54330",
    WEBHOOK_SECRET: secret,
    BOOTSTRAP_API_KEY: apiKey,
    DEMO_CALLS: "30",
  },
  stdio: ["ignore", "pipe", "pipe"],
});
let output = "";
app.stdout.on("data", (chunk: Buffer) => (output += chunk));
app.stderr.on("data", (chunk: Buffer) => (output += chunk));
const exited = new Promise<number | null>((resolve) => app.on("exit", resolve));

function fail(why: string): never {
  console.error(`smoke: ${why}\n--- npm start printed ---\n${output}`);
  app.kill("SIGINT");
  process.exit(1);
}

async function waitForHealth(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (app.exitCode !== null) fail(`npm start exited with ${app.exitCode} before serving`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await sleep(500);
  }
  fail("the app did not answer /api/health within 5 minutes");
}

const started = Date.now();
await waitForHealth(started + 5 * 60_000);
console.log(`smoke: node ${process.version}, app healthy after ${((Date.now() - started) / 1000).toFixed(0)} s`);

const payload = await readFile(new URL("../fixtures/autocalls/campaign-call.json", import.meta.url), "utf8");
const hook = await fetch(`${base}/api/webhooks/autocalls`, {
  method: "POST",
  headers: { "content-type": "application/json", "x-webhook-secret": secret },
  body: payload,
});
const stored = (await hook.json()) as { status?: string; callId?: string };
if (hook.status !== 202 || stored.status !== "stored" || !stored.callId) fail(`webhook answered ${hook.status} ${JSON.stringify(stored)}`);

const call = await fetch(`${base}/api/calls/${stored.callId}`, { headers: { authorization: `Bearer ${apiKey}` } });
const body = (await call.json()) as { provider?: string };
if (!call.ok || body.provider !== "autocalls") fail(`the webhook's call reads ${call.status} ${JSON.stringify(body)}`);

const page = await fetch(`${base}/login`);
const html = await page.text();
if (!page.ok || !html.includes("Sign in")) fail(`/login answered ${page.status}`);
console.log("smoke: webhook stored and readable, sign-in page served");

app.kill("SIGINT");
const code = await Promise.race([exited, sleep(30_000, "timeout" as const)]);
if (code !== 0) fail(`npm start did not stop cleanly on Ctrl-C (${code})`);
console.log("smoke: stopped cleanly");
